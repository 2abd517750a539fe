/**
 * The pattern for every Dexie schema change: build a database exactly as an
 * older app version left it (its stores and rows), then open it with today's
 * CheckinDatabase and check the upgrade. Each new version in
 * src/app/db/database.ts adds a test that calls this with the previous
 * version's schema, as `schemaHistory` records it.
 */
import { Dexie } from 'dexie';

/** The `stores` of each version of CheckinDatabase, as shipped. Add the new one when adding a version. */
export const schemaHistory: Record<number, Record<string, string>> = {
  1: { visits: 'id, arrivedAt, pointId, [pending+updatedAt]' },
};

/** Creates database `name` at `version` with `rows` per table, and closes it, as a tablet would have it on disk. */
export async function databaseOfVersion(name: string, version: number, rows: Record<string, object[]>): Promise<void> {
  const stores = schemaHistory[version];
  if (!stores) throw new Error(`no schema recorded for version ${version}`);
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  for (const [table, items] of Object.entries(rows)) await old.table(table).bulkPut(items);
  old.close();
}
