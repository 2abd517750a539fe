/**
 * Named prepared statements on PGlite's one connection, as postgres.ts has
 * them on a server's: PGlite's own `query` parses and plans its statement on
 * every call and talks to the database in six protocol calls. A city's
 * statements are constants of its code, so each is parsed, planned and
 * described once; after that a call is one bind-and-execute message, which
 * takes about a sixth off storing a sync batch on PGlite's thread.
 * Plain JavaScript because the database thread loads it without the
 * TypeScript loader.
 *
 * Parameters are turned into text and rows read back with PGlite's own
 * serializers and parsers, so a prepared call answers exactly what `query`
 * would. Locking follows PGlite's own: a call inside a transaction takes the
 * query lock; one outside also waits for any open transaction to end.
 */
import { protocol, types } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Past this many distinct texts (never, unless SQL were built from data) the rest run through PGlite's `query`. */
const MAX_NAMED = 500;

/** One Uint8Array of several protocol messages: the database reads them in a single call. */
function joined(messages) {
  const out = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    out.set(message, offset);
    offset += message.length;
  }
  return out;
}

/**
 * Returns `query(text, params, tx)`: `tx` is PGlite's transaction the call runs in, or undefined.
 * @param {import('@electric-sql/pglite').PGlite} db
 */
export function preparedQueries(db) {
  /** @type {Map<string, { name: string, paramTypes: number[], fields: { name: string, dataTypeID: number }[] }>} */
  const statements = new Map();

  /** Parses, plans and describes `text` once (the Sync ends it even on an error: the connection stays usable). */
  async function prepare(text) {
    const name = `s${statements.size + 1}`;
    const { messages } = await db.execProtocol(
      joined([serialize.parse({ name, text, types: [] }), serialize.describe({ type: 'S', name }), serialize.sync()]),
      { syncToFs: false },
    );
    const statement = { name, paramTypes: [], fields: [] };
    for (const message of messages) {
      if (message.name === 'parameterDescription') statement.paramTypes = message.dataTypeIDs;
      if (message.name === 'rowDescription') {
        statement.fields = message.fields.map(({ name: field, dataTypeID }) => ({ name: field, dataTypeID }));
      }
    }
    statements.set(text, statement);
    return statement;
  }

  async function run(text, params) {
    const statement = statements.get(text) ?? (await prepare(text));
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const toText = db.serializers[statement.paramTypes[i]];
      return toText ? toText(value) : value.toString();
    });
    const { messages } = await db.execProtocol(
      joined([serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    const rows = [];
    for (const message of messages) {
      if (message.name !== 'dataRow') continue;
      const row = {};
      message.fields.forEach((value, i) => {
        const { name, dataTypeID } = statement.fields[i];
        row[name] = types.parseType(value, dataTypeID, db.parsers);
      });
      rows.push(row);
    }
    return rows;
  }

  return async (text, params, tx) => {
    if (params.length === 0 || (!statements.has(text) && statements.size >= MAX_NAMED)) {
      return (await (tx ?? db).query(text, params)).rows;
    }
    if (tx) {
      if (tx.closed) throw new Error('Transaction is closed');
      return db.runExclusive(() => run(text, params));
    }
    return db._runExclusiveTransaction(() =>
      db.runExclusive(async () => {
        const rows = await run(text, params);
        await db.syncToFs();
        return rows;
      }),
    );
  };
}
