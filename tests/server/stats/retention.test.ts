import { describe, expect, it } from 'vitest';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { purgeOldVisits, scheduleRetention } from '../../../src/server/store/retention.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { addPoints, edited, visit, writeVisits } from './visits.ts';

const now = new Date('2026-06-15T08:00:00Z'); // 15 June 2026, 10:00 in Brussels
const YEARS = { from: '2023-06-01', to: '2026-06-15' };

describe.each(STORE_KINDS)('retention on the %s store', (kind) => {
  async function agedStore() {
    const store = await freshStore(kind);
    await addPoints(store, { marta: 'mARTa', 'den-abeel': 'Den Abeel' });
    const old = {
      // 23:30 on 14 June 2024 in Brussels: one minute less than 24 months old at midnight → purged.
      lastOld: visit({ pointId: 'marta', arrivedAt: '2024-06-14T23:30:00+02:00', topics: ['itsme'], barrier: true }),
      ancient: visit({ pointId: 'den-abeel', arrivedAt: '2023-12-01T10:00:00+01:00', topics: ['health'], people: 2 }),
      oldTombstone: visit({ pointId: 'marta', arrivedAt: '2024-01-10T10:00:00+01:00', deleted: true }),
    };
    const kept = {
      // 00:10 on 15 June 2024 in Brussels: kept.
      firstKept: visit({ pointId: 'marta', arrivedAt: '2024-06-15T00:10:00+02:00', topics: ['eid'] }),
      recent: visit({ pointId: 'den-abeel', arrivedAt: '2026-06-01T10:00:00+02:00', topics: ['email'] }),
    };
    await writeVisits(store, [...Object.values(old), ...Object.values(kept)]);
    return { store, old, kept };
  }

  const visitIds = async (store: Awaited<ReturnType<typeof agedStore>>['store']) =>
    (await store.query<{ id: string }>('SELECT id::text AS id FROM visits ORDER BY arrived_at')).map((row) => row.id);

  it('deletes visits older than the retention window and leaves every statistic as it was', async () => {
    const { store, old, kept } = await agedStore();
    const before = await getStats(store, YEARS);
    const oldMonth = await getStats(store, { from: '2023-12-01', to: '2023-12-31' });

    const result = await purgeOldVisits(store, now, 24);

    expect(result.purged).toBe(3);
    expect(await visitIds(store)).toEqual([kept.firstKept.id, kept.recent.id]);
    expect(await getStats(store, YEARS)).toEqual(before);
    expect(await getStats(store, { from: '2023-12-01', to: '2023-12-31' })).toEqual(oldMonth);
    expect(oldMonth.totals.people).toBe(2);
    const tombstones = await store.query<{ id: string; rev: number; device_id: string }>(
      'SELECT id::text AS id, rev, device_id FROM purged_visits ORDER BY id',
    );
    expect(tombstones).toEqual(
      [old.lastOld, old.ancient, old.oldTombstone]
        .map((v) => ({ id: v.id, rev: v.rev, device_id: 'tablet-1' }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    // Nothing more to do the same day.
    expect((await purgeOldVisits(store, now, 24)).purged).toBe(0);
  });

  it('does not count a purged visit twice when a tablet sends it again', async () => {
    const { store, old } = await agedStore();
    const before = await getStats(store, YEARS);
    await purgeOldVisits(store, now, 24);

    // A rescue file imported late holds the same visit, and a later edit of another.
    await writeVisits(store, [old.lastOld, edited(old.ancient, { topics: ['banking'] })]);
    expect(await getStats(store, YEARS)).toEqual(before);

    // The next run removes the rows again; the figures stay.
    expect((await purgeOldVisits(store, now, 24)).purged).toBe(2);
    expect(await getStats(store, YEARS)).toEqual(before);
  });

  it('clears roll-up amounts that edits brought back to zero', async () => {
    const { store, kept } = await agedStore();
    await writeVisits(store, [edited(kept.recent, { deleted: true })]);
    const zeros = async () =>
      (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_rollups WHERE amount = 0'))[0]?.n;
    expect(await zeros()).toBeGreaterThan(0);
    await purgeOldVisits(store, now, 24);
    expect(await zeros()).toBe(0);
  });

  it('runs at once and then on every tick of its timer until stopped', async () => {
    const { store } = await agedStore();
    const ticks: (() => void)[] = [];
    const results: number[] = [];
    const schedule = scheduleRetention(store, {
      months: 24,
      now: () => now,
      onError: (error) => {
        throw error;
      },
      onPurged: (result) => results.push(result.purged),
      setTimer: (run) => ticks.push(run),
      clearTimer: () => {},
    });
    await expect.poll(() => ticks.length).toBe(1);
    expect(results).toEqual([3]);
    ticks[0]?.();
    await expect.poll(() => ticks.length).toBe(2);
    expect(results).toEqual([3, 0]);
    schedule.stop();
  });
});
