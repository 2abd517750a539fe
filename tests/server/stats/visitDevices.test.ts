import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/server/store/sql.ts';
import { writeVisits as sync } from '../../../src/server/store/visitWrites.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { addPoints, edited, visit } from './visits.ts';

const NOW = new Date('2026-06-15T08:00:00Z');

async function cityWithTablet(kind: (typeof STORE_KINDS)[number]): Promise<Store> {
  const store = await freshStore(kind);
  await addPoints(store, { marta: 'mARTa' });
  await store.query("INSERT INTO devices (id, label, token_hash) VALUES ('tablet-1', 'Tablet 1', 'hash-1')");
  return store;
}

const storedVisits = async (store: Store) =>
  (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM visits'))[0]?.n ?? -1;

describe.each(STORE_KINDS)('every visit names a device that exists (%s)', (kind) => {
  it('refuses visits of a device that does not exist, in the sync statement and in the full rules', async () => {
    const store = await cityWithTablet(kind);
    const stray = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00' });
    await expect(sync(store, 'no-such-tablet', [stray], NOW)).rejects.toMatchObject({ code: '23503' });
    // Twice the same id goes to the full rules' transaction.
    await expect(sync(store, 'no-such-tablet', [stray, stray], NOW)).rejects.toMatchObject({ code: '23503' });
    expect(await storedVisits(store)).toBe(0);
  });

  it('keeps a device that has visits: it cannot be deleted or get another id', async () => {
    const store = await cityWithTablet(kind);
    const first = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00' });
    await sync(store, 'tablet-1', [first], NOW);
    expect(await sync(store, 'tablet-1', [edited(first, { topics: ['eid'] })], NOW)).toEqual([
      { id: first.id, status: 'applied' },
    ]);

    await expect(store.query("DELETE FROM devices WHERE id = 'tablet-1'")).rejects.toMatchObject({ code: '23503' });
    await expect(store.query("UPDATE devices SET id = 'tablet-2' WHERE id = 'tablet-1'")).rejects.toMatchObject({
      code: '23503',
    });
    await store.query("UPDATE devices SET label = 'Balie' WHERE id = 'tablet-1'");
    expect(await storedVisits(store)).toBe(1);

    await store.query("INSERT INTO devices (id, label, token_hash) VALUES ('unused', 'Unused', 'hash-2')");
    expect(await store.query("DELETE FROM devices WHERE id = 'unused' RETURNING id")).toEqual([{ id: 'unused' }]);
  });
});
