/**
 * The embedded database's own thread (see pglite.ts): PGlite runs here,
 * so the city's event loop parses, checks and answers requests while the
 * database works. Statements with parameters run prepared
 * (pglitePrepared.mjs). Plain JavaScript because a worker thread loads its file
 * without the TypeScript loader.
 *
 * Messages in: { id, op: 'query', text, params, tx } | { id, op: 'exec', script, tx }
 * | { id, op: 'begin' } | { id, op: 'end', tx, commit } | { id, op: 'close' }.
 * Every message gets one answer: { id, rows } | { id, tx } | { id } | { id, error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { preparedQueries } from './pglitePrepared.mjs';

const db = await PGlite.create(workerData.dataDir);
const query = preparedQueries(db);
/** @type {Map<number, { sql: import('@electric-sql/pglite').Transaction, finish: (commit: boolean) => void }>} */
const transactions = new Map();
let nextTransaction = 0;

/** An error as plain data: its message and every field PostgreSQL set (code, detail, …). */
function plainError(error) {
  const fields = {};
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
    }
  }
  return { name: error?.name ?? 'Error', message: error?.message ?? String(error), fields };
}

/** PGlite's transaction `tx` names, or undefined outside one. */
const transactionOf = (tx) => {
  if (tx === undefined) return undefined;
  const open = transactions.get(tx);
  if (!open) throw new Error(`transaction ${tx} is not open`);
  return open.sql;
};

/** Opens a transaction that stays open until its 'end' message; answers with its number once it began. */
function begin(reply) {
  const tx = ++nextTransaction;
  db.transaction(
    (sql) =>
      new Promise((resolve, reject) => {
        transactions.set(tx, {
          sql,
          finish: (commit) => (commit ? resolve() : reject(new RollBack())),
        });
        reply({ tx });
      }),
  ).then(
    () => settle(tx, {}),
    (error) => settle(tx, error instanceof RollBack ? {} : { error: plainError(error) }),
  );
}

class RollBack extends Error {}

/** Who waits for a transaction's end: answered once PGlite committed or rolled back. */
const ending = new Map();
function settle(tx, answer) {
  transactions.delete(tx);
  ending.get(tx)?.(answer);
  ending.delete(tx);
}

async function handle(message, reply) {
  switch (message.op) {
    case 'query': {
      return reply({ rows: await query(message.text, message.params, transactionOf(message.tx)) });
    }
    case 'exec':
      await (transactionOf(message.tx) ?? db).exec(message.script);
      return reply({});
    case 'begin':
      return begin(reply);
    case 'end': {
      const open = transactions.get(message.tx);
      if (!open) return reply({ error: plainError(new Error(`transaction ${message.tx} is not open`)) });
      ending.set(message.tx, reply);
      return open.finish(message.commit);
    }
    case 'close':
      await db.close();
      reply({});
      return parentPort?.close();
  }
}

parentPort?.on('message', (message) => {
  const reply = (answer) => parentPort?.postMessage({ id: message.id, ...answer });
  handle(message, reply).catch((error) => reply({ error: plainError(error) }));
});
parentPort?.postMessage({ id: 0, ready: true });
