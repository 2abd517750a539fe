import { describe, expect, it } from 'vitest';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { brusselsTime } from '../../../src/server/store/brusselsTime.ts';
import { foldRollupSlots } from '../../../src/server/store/rollups.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { edited, visit, writeVisits } from './visits.ts';

/** The amount of one roll-up row, 0 when it is missing. */
async function amount(
  store: Store,
  key: { grain?: string; point?: string; kind: string; period: string; metric: string; code: string },
) {
  const [row] = await store.query<{ amount: number }>(
    `SELECT sum(amount)::float8 AS amount FROM visit_rollups
     WHERE grain = $1 AND point_id = $2 AND kind = $3 AND period = $4::date AND metric = $5 AND code = $6`,
    [key.grain ?? 'd', key.point ?? '', key.kind, key.period, key.metric, key.code],
  );
  return row?.amount ?? 0;
}

describe.each(STORE_KINDS)('roll-ups on the %s store', (kind) => {
  it('reads the Brussels day and hour exactly as PostgreSQL does, around both DST changes', async () => {
    const store = await freshStore(kind);
    const instants = [
      '2026-03-28T22:59:59Z', // Saturday 23:59 CET
      '2026-03-28T23:00:00Z', // Sunday 00:00 CET
      '2026-03-29T00:59:59Z', // 01:59 CET, just before the clocks go forward
      '2026-03-29T01:00:00Z', // 03:00 CEST
      '2026-10-24T22:00:00Z', // Sunday 00:00 CEST
      '2026-10-25T00:30:00Z', // 02:30 CEST, the first of two 02:30s
      '2026-10-25T01:30:00Z', // 02:30 CET, the second one
      '2026-10-25T22:59:00Z', // 23:59 CET on Sunday
      '2026-12-31T23:00:00Z', // New Year 00:00 CET
    ];
    for (const instant of instants) {
      const [sql] = await store.query<{ day: string; hour: number; weekday: number }>(
        `SELECT to_char(($1::timestamptz AT TIME ZONE 'Europe/Brussels'), 'YYYY-MM-DD') AS day,
                extract(hour FROM ($1::timestamptz AT TIME ZONE 'Europe/Brussels'))::int AS hour,
                extract(isodow FROM ($1::timestamptz AT TIME ZONE 'Europe/Brussels'))::int AS weekday`,
        [instant],
      );
      expect({ instant, ...brusselsTime(Date.parse(instant)) }).toEqual({ instant, ...sql });
    }
  });

  it('counts a new visit on its day and month, on every level, and an edit moves it', async () => {
    const store = await freshStore(kind);
    const first = visit({ pointId: 'marta', arrivedAt: '2026-03-31T23:30:00+02:00', topics: ['itsme'] });
    await writeVisits(store, [first]);
    expect(
      await amount(store, { point: 'marta', kind: 'question', period: '2026-03-31', metric: 'visits', code: 'question' }),
    ).toBe(1);
    expect(await amount(store, { grain: 'm', kind: 'question', period: '2026-03-01', metric: 'topic', code: 'itsme' })).toBe(1);
    expect(await amount(store, { kind: 'question', period: '2026-03-31', metric: 'point', code: 'marta' })).toBe(1);
    expect(await amount(store, { kind: 'question', period: '2026-03-31', metric: 'hour', code: '2:23' })).toBe(1);

    await writeVisits(store, [edited(first, { pointId: 'den-abeel', arrivedAt: '2026-04-01T00:30:00+02:00', topics: ['eid'] })]);
    expect(
      await amount(store, { point: 'marta', kind: 'question', period: '2026-03-31', metric: 'visits', code: 'question' }),
    ).toBe(0);
    expect(await amount(store, { grain: 'm', kind: 'question', period: '2026-03-01', metric: 'topic', code: 'itsme' })).toBe(0);
    expect(await amount(store, { grain: 'm', kind: 'question', period: '2026-04-01', metric: 'topic', code: 'eid' })).toBe(1);
    expect(
      await amount(store, { point: 'den-abeel', kind: 'question', period: '2026-04-01', metric: 'visits', code: 'question' }),
    ).toBe(1);
  });

  it('takes a deleted visit out of every roll-up', async () => {
    const store = await freshStore(kind);
    const record = visit({ pointId: 'marta', arrivedAt: '2026-05-04T10:00:00+02:00', barrier: true, topics: ['itsme'] });
    await writeVisits(store, [record]);
    await writeVisits(store, [edited(record, { deleted: true })]);
    const [left] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_rollups WHERE amount <> 0');
    expect(left?.n).toBe(0);
  });

  it('sums what several connections wrote into their own slots, and folds them into one row per key', async () => {
    const store = await freshStore(kind);
    const record = visit({ pointId: 'marta', arrivedAt: '2026-05-04T10:00:00+02:00', topics: ['itsme'] });
    await writeVisits(store, [record, visit({ pointId: 'marta', arrivedAt: '2026-05-04T11:00:00+02:00', topics: ['eid'] })]);
    // As if another server connection had written these rows.
    await foldRollupSlots(store);
    await store.query('UPDATE visit_rollups SET slot = 7');
    await writeVisits(store, [edited(record, { topics: ['email'] })]);
    const range = { from: '2026-05-01', to: '2026-05-31' };
    const before = await getStats(store, range);
    expect(before.totals.visits).toBe(2);
    expect(before.byTopic).toEqual([
      { code: 'eid', count: 1 },
      { code: 'email', count: 1 },
    ]);

    await foldRollupSlots(store);
    const [spread] = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_rollups WHERE slot <> 0');
    expect(spread?.n).toBe(0);
    expect(await getStats(store, range)).toEqual(before);
  });
});
