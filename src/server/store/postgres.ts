/**
 * A PostgreSQL server through a `pg` connection pool: for a city that runs
 * several stateless server processes against one database.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Sql, Store } from './sql.ts';

// Keep int8 (count(*), sums) as JavaScript numbers: our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

/**
 * Statements with parameters run as named prepared statements: each
 * connection parses and plans a statement once, not on every sync batch,
 * which takes about a tenth off PostgreSQL's work per stored visit. The
 * city's statements are constants of this code, a few dozen; past
 * `MAX_NAMED` distinct texts (never, unless SQL were built from data) the
 * rest run unnamed, so no connection collects statements without end.
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED) {
    name = `s${createHash('sha1').update(text).digest('base64url').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const asSql = (runner: pg.Pool | pg.PoolClient): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const values = params as unknown[];
      const name = values.length > 0 ? statementName(text) : undefined;
      const result = await runner.query(name ? { name, text, values } : { text, values });
      return result.rows as R[];
    },
    async exec(script) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await runner.query(script);
    },
  });
  return {
    kind: 'postgres',
    ...asSql(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
