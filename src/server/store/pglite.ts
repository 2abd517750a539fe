/**
 * Embedded PostgreSQL (PGlite, PostgreSQL compiled to WebAssembly) in DATA_DIR.
 * One process owns the data directory; other processes (the admin CLI) talk
 * to the running server instead of opening it.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Sql, Store } from './sql.ts';

/** Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function openPglite(dataDir?: string): Promise<Store> {
  const db = await PGlite.create(dataDir);
  const asSql = (runner: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await runner.query<R>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script) {
      await runner.exec(script);
    },
  });
  return {
    kind: 'pglite',
    ...asSql(db),
    transaction: (fn) => db.transaction((tx) => fn(asSql(tx))),
    close: () => db.close(),
  };
}
