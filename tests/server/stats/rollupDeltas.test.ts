import { describe, expect, it } from 'vitest';
import { demoVisitBatches } from '../../../src/server/admin/demoData.ts';
import { DEMO_POINTS } from '../../../src/server/admin/demoPoints.ts';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { purgeOldVisits } from '../../../src/server/store/retention.ts';
import { RollupBatch } from '../../../src/server/store/rollupContributions.ts';
import { foldQueuedRollups } from '../../../src/server/store/rollupQueue.ts';
import { applyRollups } from '../../../src/server/store/rollups.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { writeVisits as sync } from '../../../src/server/store/visitWrites.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { addPoints, edited, visit } from './visits.ts';

const NOW = new Date('2026-06-15T08:00:00Z');

async function cityWithTablet(kind: (typeof STORE_KINDS)[number]): Promise<Store> {
  const store = await freshStore(kind);
  await addPoints(store, Object.fromEntries(DEMO_POINTS.map((point) => [point.id, point.name])));
  await store.query("INSERT INTO devices (id, label, token_hash) VALUES ('tablet-1', 'Tablet 1', 'hash-1')");
  return store;
}

async function waiting(store: Store): Promise<{ deltas: number; deltaVisits: number; noted: number }> {
  const [row] = await store.query<{ deltas: number; delta_visits: number; noted: number }>(
    `SELECT (SELECT count(*) FROM rollup_deltas)::int AS deltas,
            (SELECT coalesce(sum(visits), 0) FROM rollup_deltas)::int AS delta_visits,
            (SELECT count(*) FROM rollup_queue)::int AS noted`,
  );
  return { deltas: row?.deltas ?? -1, deltaVisits: row?.delta_visits ?? -1, noted: row?.noted ?? -1 };
}

/** Every roll-up amount by key, the connections' slots summed, zeros left out. */
async function rollupAmounts(store: Store): Promise<Record<string, number>> {
  const rows = await store.query<{ key: string; amount: string }>(
    `SELECT concat_ws('|', grain, point_id, kind, period, metric, code) AS key, sum(amount)::text AS amount
       FROM visit_rollups GROUP BY 1 HAVING sum(amount) <> 0 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.amount)]));
}

describe("a batch's per-day amounts as JSON", () => {
  it('add up to the roll-up rows of the visits themselves', () => {
    const visits = [...demoVisitBatches({ seed: 3, visits: 300, from: '2026-03-25', days: 10 })].flat();
    const whole = new RollupBatch();
    for (const record of visits) whole.add(record, 1);
    const fromJson = new RollupBatch();
    for (let start = 0; start < visits.length; start += 70) {
      const part = new RollupBatch();
      for (const record of visits.slice(start, start + 70)) part.add(record, 1);
      fromJson.addDaysJson(part.daysJson());
    }
    expect(whole.rows().length).toBeGreaterThan(300);
    expect(fromJson.rows()).toEqual(whole.rows());
  });
});

describe.each(STORE_KINDS)('sync deltas on the %s store', (kind) => {
  it('keep a batch of new visits as one delta, with no note per visit', async () => {
    const store = await cityWithTablet(kind);
    const batch = [
      visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00', topics: ['itsme'] }),
      visit({ pointId: 'marta', arrivedAt: '2026-06-11T10:00:00+02:00', topics: ['email'] }),
      visit({ pointId: 'marta', arrivedAt: '2026-06-11T11:00:00+02:00', deleted: true }),
    ];
    await sync(store, 'tablet-1', batch, NOW);
    expect(await waiting(store)).toEqual({ deltas: 1, deltaVisits: 3, noted: 0 });

    const stats = await getStats(store, { from: '2026-06-01', to: '2026-06-30' });
    expect(stats.totals.visits).toBe(2);
    expect(stats.byTopic).toEqual([
      { code: 'email', count: 1 },
      { code: 'itsme', count: 1 },
    ]);
    expect(await waiting(store)).toEqual({ deltas: 0, deltaVisits: 0, noted: 0 });
  });

  it('note each stored visit instead when the batch is not wholly new', async () => {
    const store = await cityWithTablet(kind);
    const known = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00', topics: ['itsme'] });
    await sync(store, 'tablet-1', [known], NOW);
    await foldQueuedRollups(store);

    const fresh = visit({ pointId: 'marta', arrivedAt: '2026-06-12T10:00:00+02:00', topics: ['eid'] });
    const nowhere = visit({ pointId: 'no-such-point', arrivedAt: '2026-06-12T11:00:00+02:00' });
    const results = await sync(store, 'tablet-1', [known, fresh, nowhere], NOW);
    expect(results.map((result) => result.status)).toEqual(['unchanged', 'applied', 'rejected']);
    expect(await waiting(store)).toEqual({ deltas: 0, deltaVisits: 0, noted: 1 });

    const stats = await getStats(store, { from: '2026-06-01', to: '2026-06-30' });
    expect(stats.totals.visits).toBe(2);
    expect(stats.byTopic).toEqual([
      { code: 'eid', count: 1 },
      { code: 'itsme', count: 1 },
    ]);
  });

  it('do not count again a purged visit that comes back among new ones', async () => {
    const store = await cityWithTablet(kind);
    const old = visit({ pointId: 'marta', arrivedAt: '2023-03-01T10:00:00+01:00', topics: ['itsme'] });
    await sync(store, 'tablet-1', [old], NOW);
    expect((await purgeOldVisits(store, NOW, 24)).purged).toBe(1);
    const march = { from: '2023-03-01', to: '2023-03-31' };
    expect((await getStats(store, march)).totals.visits).toBe(1);

    // A rescue file imported late: the purged visit and one never seen.
    const never = visit({ pointId: 'marta', arrivedAt: '2023-03-02T10:00:00+01:00', topics: ['eid'] });
    await sync(store, 'tablet-1', [old, never], NOW);
    expect(await waiting(store)).toEqual({ deltas: 0, deltaVisits: 0, noted: 2 });
    const stats = await getStats(store, march);
    expect(stats.totals.visits).toBe(2);
    expect(stats.byTopic).toEqual([
      { code: 'eid', count: 1 },
      { code: 'itsme', count: 1 },
    ]);
  });

  it('add up to exactly the roll-ups of the stored visits, edits and deletions included', async () => {
    const store = await cityWithTablet(kind);
    const visits = [...demoVisitBatches({ seed: 11, visits: 600, from: '2026-05-20', days: 14 })].flat();
    for (let start = 0; start < visits.length; start += 100) {
      const results = await sync(store, 'tablet-1', visits.slice(start, start + 100), NOW);
      expect(results.every((result) => result.status === 'applied')).toBe(true);
    }
    // Edits of some visits before their delta is folded: their notes subtract what the deltas add.
    const changed = visits
      .filter((_, i) => i % 7 === 0)
      .map((record, i) => edited(record, i % 2 ? { deleted: true } : { topics: ['health'], pointId: 'marta' }));
    await sync(store, 'tablet-1', changed, NOW);
    expect(await waiting(store)).toEqual({ deltas: 6, deltaVisits: 600, noted: changed.length });
    await foldQueuedRollups(store, 250);
    const folded = await rollupAmounts(store);

    // The same roll-ups written directly from the stored visits, each counted once as new.
    const stored = await store.query<{ record: VisitRecord }>('SELECT record FROM visits ORDER BY id');
    await store.query('TRUNCATE visit_rollups');
    await store.transaction((tx) =>
      applyRollups(
        tx,
        stored.map(({ record }) => ({ before: null, after: record })),
      ),
    );
    expect(Object.keys(folded).length).toBeGreaterThan(1_000);
    expect(folded).toEqual(await rollupAmounts(store));
  });
});
