/**
 * The stores every server suite runs against: embedded PGlite and a real
 * PostgreSQL server (TEST_DATABASE_URL). Opening PGlite costs seconds and
 * most of a gigabyte, so each kind is opened once per test run (the server
 * project runs its files in one worker without isolation) and emptied
 * between tests instead.
 */
import { migrate } from '../../../src/server/store/migrate.ts';
import { openPglite } from '../../../src/server/store/pglite.ts';
import { openPostgres } from '../../../src/server/store/postgres.ts';
import type { Store } from '../../../src/server/store/sql.ts';

export type StoreKind = 'pglite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

const opened = new Map<StoreKind, Promise<Store>>();

/** The URL of the PostgreSQL test database; a missing one fails the suite, it never skips it. */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL suite needs a server. Run `. scripts/test-postgres.sh` to start the local PostgreSQL 15 and set it.',
    );
  }
  return url;
}

async function open(kind: StoreKind): Promise<Store> {
  if (kind === 'pglite') {
    const store = await openPglite();
    await migrate(store);
    return store;
  }
  const store = await openPostgres(testDatabaseUrl());
  // A clean schema per run: earlier runs may have left tables of an older migration.
  await store.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  await migrate(store);
  return store;
}

/** The shared, migrated store of this kind, emptied of all data. */
export async function freshStore(kind: StoreKind): Promise<Store> {
  let store = opened.get(kind);
  if (!store) {
    store = open(kind);
    opened.set(kind, store);
  }
  const ready = await store;
  await emptyStore(ready);
  return ready;
}

export async function emptyStore(store: Store): Promise<void> {
  const tables = await store.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
  );
  if (tables.length === 0) return;
  await store.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
