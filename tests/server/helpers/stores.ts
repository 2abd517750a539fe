/**
 * The stores every server suite runs against: embedded PGlite and a real
 * PostgreSQL server (TEST_DATABASE_URL). Opening PGlite costs seconds and
 * most of a gigabyte, so each kind is opened once per test run (the server
 * project runs its files in one worker without isolation) and emptied
 * between tests instead.
 *
 * On PostgreSQL each test process works in a schema of its own (named after
 * its pid, passed in the URL as the connection's search_path, so child
 * processes started with that URL see it too): test runs that overlap on one
 * machine, or two vitest projects running at once, never empty each other's tables.
 */
import { migrate } from '../../../src/server/store/migrate.ts';
import { openPglite } from '../../../src/server/store/pglite.ts';
import { openPostgres } from '../../../src/server/store/postgres.ts';
import type { Store } from '../../../src/server/store/sql.ts';

export type StoreKind = 'pglite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

const opened = new Map<StoreKind, Promise<Store>>();

const TEST_SCHEMA = `test_${process.pid}`;

/**
 * The URL of this process's PostgreSQL test schema; a missing TEST_DATABASE_URL
 * fails the suite, it never skips it.
 */
export function testDatabaseUrl(): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    throw new Error(
      'TEST_DATABASE_URL is not set: the PostgreSQL suite needs a server. Run `. scripts/test-postgres.sh` to start the local PostgreSQL 15 and set it.',
    );
  }
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${TEST_SCHEMA}`);
  return url.toString();
}

async function open(kind: StoreKind): Promise<Store> {
  if (kind === 'pglite') {
    const store = await openPglite();
    await migrate(store);
    return store;
  }
  const store = await openPostgres(testDatabaseUrl());
  // A clean schema per run: an earlier process with the same pid may have left tables of an older migration.
  await store.exec(`DROP SCHEMA IF EXISTS ${TEST_SCHEMA} CASCADE; CREATE SCHEMA ${TEST_SCHEMA};`);
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
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'",
  );
  if (tables.length === 0) return;
  await store.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}
