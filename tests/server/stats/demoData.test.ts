import { describe, expect, it } from 'vitest';
import { demoVisitBatches, loadDemoData } from '../../../src/server/admin/demoData.ts';
import { DEMO_POINTS } from '../../../src/server/admin/demoPoints.ts';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { brusselsTime } from '../../../src/server/store/brusselsTime.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { checkVisit } from '../../../src/shared/visitRules.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';

const all = (options: Parameters<typeof demoVisitBatches>[0]): VisitRecord[] => [...demoVisitBatches(options)].flat();

describe('the demo data generator', () => {
  it('makes the same visits from the same seed, and other visits from another', () => {
    const once = all({ seed: 7, visits: 3_000 });
    expect(all({ seed: 7, visits: 3_000 })).toEqual(once);
    expect(all({ seed: 8, visits: 3_000 }).map((v) => v.id)).not.toEqual(once.map((v) => v.id));
  });

  it('makes exactly the visits asked for, in batches, each one passing the shared visit rules', () => {
    const batches = [...demoVisitBatches({ seed: 1, visits: 12_345, batchSize: 1_000 })];
    expect(batches.map((batch) => batch.length)).toEqual([...Array(12).fill(1_000), 345]);
    const visits = batches.flat();
    const afterTheYear = Date.parse('2026-01-02T00:00:00Z');
    const invalid = visits.filter((v) => !checkVisit(v, afterTheYear).ok);
    expect(invalid).toEqual([]);
    expect(new Set(visits.map((v) => v.id)).size).toBe(visits.length);
    const days = visits.map((v) => brusselsTime(Date.parse(v.arrivedAt)).day).sort();
    expect(days[0]?.startsWith('2025-01')).toBe(true);
    expect(days.at(-1)?.startsWith('2025-12')).toBe(true);
  });

  it('spreads a year over the 22 points, in opening hours, led by itsme, government and health', () => {
    const visits = all({ seed: 3, visits: 20_000 });
    expect(DEMO_POINTS).toHaveLength(22);
    expect(new Set(visits.map((v) => v.pointId))).toEqual(new Set(DEMO_POINTS.map((p) => p.id)));
    const hours = new Set(visits.map((v) => brusselsTime(Date.parse(v.arrivedAt)).hour));
    expect([...hours].every((hour) => hour >= 9 && hour < 17)).toBe(true);
    const topics = new Map<string, number>();
    for (const v of visits) for (const topic of v.topics) topics.set(topic, (topics.get(topic) ?? 0) + 1);
    const leading = [...topics.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([code]) => code);
    expect(new Set(leading)).toEqual(new Set(['itsme', 'government', 'health']));
    // No visits on Sundays or on Christmas Day.
    expect(visits.some((v) => brusselsTime(Date.parse(v.arrivedAt)).weekday === 7)).toBe(false);
    expect(visits.some((v) => brusselsTime(Date.parse(v.arrivedAt)).day === '2025-12-25')).toBe(false);
    // The big library sees more visitors than a small neighbourhood house.
    const at = (id: string) => visits.filter((v) => v.pointId === id).length;
    expect(at('predikheren')).toBeGreaterThan(5 * at('walem'));
  });
});

describe.each(STORE_KINDS)('loading demo data into the %s store', (kind) => {
  it('stores every visit with its roll-ups, and loading again adds nothing', async () => {
    const store = await freshStore(kind);
    const options = { seed: 11, visits: 2_500, batchSize: 1_000 };
    expect(await loadDemoData(store, options)).toEqual({ inserted: 2_500 });
    const counted = all(options).filter((v) => !v.deleted);
    const year = await getStats(store, { from: '2025-01-01', to: '2025-12-31' });
    expect(year.totals.visits).toBe(counted.length);
    expect(year.totals.people).toBe(counted.reduce((sum, v) => sum + v.people, 0));
    expect(year.byPoint).toHaveLength(22);

    expect(await loadDemoData(store, options)).toEqual({ inserted: 0 });
    expect(await getStats(store, { from: '2025-01-01', to: '2025-12-31' })).toEqual(year);
  });
});
