/**
 * Opens the configured store and brings its schema up to date:
 * DATABASE_URL wins; otherwise embedded PGlite in DATA_DIR.
 */
import { mkdir } from 'node:fs/promises';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Store } from './sql.ts';

export interface StoreConfig {
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function openStore(config: StoreConfig): Promise<Store> {
  let store: Store;
  if (config.databaseUrl) {
    store = await openPostgres(config.databaseUrl);
  } else {
    await mkdir(config.dataDir, { recursive: true });
    store = await openPglite(config.dataDir);
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
