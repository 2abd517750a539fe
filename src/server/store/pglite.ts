/**
 * Embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) in DATA_DIR,
 * on a worker thread of its own (pgliteThread.mjs). The database's work does
 * not block the city's event loop: with two cores or more, requests are
 * parsed and checked while the database stores earlier ones, and a health
 * check or a dashboard call is answered during a long roll-up fold.
 * One process owns the data directory; other processes (the admin CLI) talk
 * to the running server instead of opening it.
 */
import { Worker } from 'node:worker_threads';
import type { Sql, Store } from './sql.ts';

interface Answer {
  id: number;
  ready?: boolean;
  rows?: unknown[];
  tx?: number;
  error?: { name: string; message: string; fields: Record<string, unknown> };
}

type Request =
  | { op: 'query'; text: string; params: readonly unknown[]; tx?: number }
  | { op: 'exec'; script: string; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

const THREAD = new URL('./pgliteThread.mjs', import.meta.url);

/** The thread's error with PostgreSQL's fields (code, detail, …) on it, as PGlite throws it in-process. */
function rebuilt(error: NonNullable<Answer['error']>): Error {
  return Object.assign(new Error(error.message), error.fields, { name: error.name });
}

/** Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Store> {
  const worker = new Worker(THREAD, { workerData: { dataDir } });
  const waiting = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | null = null;

  const failAll = (error: Error) => {
    failure = error;
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  const ready = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
  });
  worker.on('message', (answer: Answer) => {
    const pending = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (!pending) return;
    if (answer.error) pending.reject(rebuilt(answer.error));
    else pending.resolve(answer);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the database thread stopped (exit code ${code})`)));

  const ask = (request: Request): Promise<Answer> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });

  const sqlIn = (tx?: number): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await ask({ op: 'query', text, params, ...(tx === undefined ? {} : { tx }) })).rows as R[];
    },
    async exec(script) {
      await ask({ op: 'exec', script, ...(tx === undefined ? {} : { tx }) });
    },
  });

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    kind: 'pglite',
    ...sqlIn(),
    async transaction(fn) {
      const { tx } = await ask({ op: 'begin' });
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await fn(sqlIn(tx));
      } catch (error) {
        await ask({ op: 'end', tx: tx as number, commit: false });
        throw error;
      }
      await ask({ op: 'end', tx: tx as number, commit: true });
      return result;
    },
    async close() {
      if (failure) return;
      await ask({ op: 'close' });
      await worker.terminate();
    },
  };
}
