import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { purgeOldVisits } from '../../../src/server/store/retention.ts';
import { foldQueuedRollups, scheduleRollupFolds } from '../../../src/server/store/rollupQueue.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { writeVisits as sync } from '../../../src/server/store/visitWrites.ts';
import { freshStore, STORE_KINDS, testDatabaseUrl } from '../helpers/stores.ts';
import { addPoints, edited, visit } from './visits.ts';

const NOW = new Date('2026-06-15T08:00:00Z');
const JUNE = { from: '2026-06-01', to: '2026-06-30' };

async function cityWithTablet(kind: (typeof STORE_KINDS)[number]): Promise<Store> {
  const store = await freshStore(kind);
  await addPoints(store, { marta: 'mARTa', 'den-abeel': 'Den Abeel' });
  await store.query("INSERT INTO devices (id, label, token_hash) VALUES ('tablet-1', 'Tablet 1', 'hash-1')");
  return store;
}

/** Visits the roll-ups do not count yet: noted one by one in the queue, or summed in a sync's delta. */
const queued = async (store: Store) =>
  (
    await store.query<{ n: number }>(
      'SELECT ((SELECT count(*) FROM rollup_queue) + (SELECT coalesce(sum(visits), 0) FROM rollup_deltas))::int AS n',
    )
  )[0]?.n ?? -1;

/** 2 × `count` visits waiting: `count` edits noted one by one in the queue, and `count` new visits in deltas of 5. */
async function mixedBacklog(store: Store, count: number): Promise<void> {
  const at = (i: number) => `2026-06-${String(1 + (i % 14)).padStart(2, '0')}T10:00:00+02:00`;
  const first = Array.from({ length: count }, (_, i) => visit({ pointId: i % 2 ? 'marta' : 'den-abeel', arrivedAt: at(i) }));
  await sync(store, 'tablet-1', first, NOW);
  await foldQueuedRollups(store);
  await sync(
    store,
    'tablet-1',
    first.map((record) => edited(record, { topics: ['eid'] })),
    NOW,
  );
  for (let i = 0; i < count; i += 5) {
    const fresh = Array.from({ length: 5 }, (_, j) => visit({ pointId: 'marta', arrivedAt: at(i + j) }));
    expect((await sync(store, 'tablet-1', fresh, NOW)).every((result) => result.status === 'applied')).toBe(true);
  }
  expect(await queued(store)).toBe(2 * count);
}
const rollupRows = async (store: Store) =>
  (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM visit_rollups WHERE amount <> 0'))[0]?.n ?? -1;

describe.each(STORE_KINDS)('the roll-up queue on the %s store', (kind) => {
  it('holds a synced visit until a fold, and the statistics count it at once', async () => {
    const store = await cityWithTablet(kind);
    const first = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00', topics: ['itsme'] });
    expect(await sync(store, 'tablet-1', [first], NOW)).toEqual([{ id: first.id, status: 'applied' }]);
    expect(await queued(store)).toBe(1);
    expect(await rollupRows(store)).toBe(0);

    const stats = await getStats(store, JUNE);
    expect(stats.totals.visits).toBe(1);
    expect(stats.byTopic).toEqual([{ code: 'itsme', count: 1 }]);
    expect(await queued(store)).toBe(0);
    expect(await getStats(store, JUNE)).toEqual(stats);
  });

  it('counts only the last version when a visit changes several times between two folds', async () => {
    const store = await cityWithTablet(kind);
    const first = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00', topics: ['itsme'] });
    const gone = visit({ pointId: 'marta', arrivedAt: '2026-06-11T10:00:00+02:00', topics: ['email'] });
    await sync(store, 'tablet-1', [first, gone], NOW);
    expect(await foldQueuedRollups(store)).toBe(2);

    const second = edited(first, { topics: ['eid'], pointId: 'den-abeel' });
    await sync(store, 'tablet-1', [second], NOW);
    await sync(store, 'tablet-1', [edited(second, { topics: ['health'] })], NOW);
    await sync(store, 'tablet-1', [edited(gone, { deleted: true })], NOW);
    expect(await queued(store)).toBe(2);

    const stats = await getStats(store, JUNE);
    expect(stats.totals.visits).toBe(1);
    expect(stats.byTopic).toEqual([{ code: 'health', count: 1 }]);
    expect(stats.byPoint).toEqual([{ pointId: 'den-abeel', count: 1 }]);
  });

  it('counts only the edit of a visit edited before its first fold', async () => {
    const store = await cityWithTablet(kind);
    const first = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00', topics: ['itsme'] });
    const other = visit({ pointId: 'den-abeel', arrivedAt: '2026-06-11T10:00:00+02:00', topics: ['email'] });
    await sync(store, 'tablet-1', [first, other], NOW);
    await sync(store, 'tablet-1', [edited(first, { topics: ['eid'] })], NOW);

    // The two new visits as their sync summed them, then the edit: minus the first version, plus the second.
    expect(await foldQueuedRollups(store)).toBe(3);
    const stats = await getStats(store, JUNE);
    expect(stats.totals.visits).toBe(2);
    expect(stats.byTopic).toEqual([
      { code: 'eid', count: 1 },
      { code: 'email', count: 1 },
    ]);
  });

  it('folds a long queue in several transactions and counts every visit once', async () => {
    const store = await cityWithTablet(kind);
    const visits = Array.from({ length: 25 }, (_, i) =>
      visit({
        pointId: i % 2 ? 'marta' : 'den-abeel',
        arrivedAt: `2026-06-${String(1 + (i % 14)).padStart(2, '0')}T${10 + Math.floor(i / 14)}:00:00+02:00`,
      }),
    );
    const results = await sync(store, 'tablet-1', visits, NOW);
    expect(results.every((result) => result.status === 'applied')).toBe(true);
    expect(await foldQueuedRollups(store, 10)).toBe(25);
    expect(await queued(store)).toBe(0);
    expect((await getStats(store, JUNE)).totals.visits).toBe(25);
  });

  it('runs a fold again when PostgreSQL stops it to break a deadlock, and counts every visit once', async () => {
    const store = await cityWithTablet(kind);
    await sync(store, 'tablet-1', [visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00' })], NOW);
    let stopped = 0;
    // The first fold transaction is chosen as the deadlock's victim after its work, as PostgreSQL would at commit time.
    const oncePicked: Store = {
      ...store,
      transaction: (work) =>
        store.transaction(async (tx) => {
          const result = await work(tx);
          if (stopped++ === 0) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
          return result;
        }),
    };
    expect(await foldQueuedRollups(oncePicked)).toBe(1);
    expect(stopped).toBe(2);
    expect(await queued(store)).toBe(0);
    expect((await getStats(store, JUNE)).totals.visits).toBe(1);
  });

  it('counts a queued visit before retention purges it', async () => {
    const store = await cityWithTablet(kind);
    const old = visit({ pointId: 'marta', arrivedAt: '2023-03-01T10:00:00+01:00', topics: ['itsme'] });
    await sync(store, 'tablet-1', [old], NOW);
    expect(await queued(store)).toBe(1);

    expect((await purgeOldVisits(store, NOW, 24)).purged).toBe(1);
    expect((await getStats(store, { from: '2023-03-01', to: '2023-03-31' })).totals.visits).toBe(1);
  });
});

describe('a fold next to a sync on PostgreSQL', () => {
  it('waits for a sync that holds a queued visit and counts the version that sync commits', async () => {
    const store = await cityWithTablet('postgres');
    const first = visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00', topics: ['itsme'] });
    await sync(store, 'tablet-1', [first], NOW);
    await foldQueuedRollups(store);
    const second = edited(first, { topics: ['eid'] });
    await sync(store, 'tablet-1', [second], NOW);
    const third = edited(second, { topics: ['health'] });

    // A second server process, halfway through writing the next edit: the visit is locked and updated,
    // and its queue row already exists, so it leaves it as it is.
    const other = new pg.Client({ connectionString: testDatabaseUrl() });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM visits WHERE id = $1 FOR UPDATE', [first.id]);
      await other.query('UPDATE visits SET rev = 3, record = $2 WHERE id = $1', [first.id, JSON.stringify(third)]);
      await other.query('INSERT INTO rollup_queue (visit_id, before) VALUES ($1, NULL) ON CONFLICT (visit_id) DO NOTHING', [
        first.id,
      ]);
      let foldDone = false;
      const fold = foldQueuedRollups(store).then((n) => {
        foldDone = true;
        return n;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(foldDone).toBe(false);
      await other.query('COMMIT');
      expect(await fold).toBe(1);
    } finally {
      await other.end();
    }
    const stats = await getStats(store, JUNE);
    expect(stats.totals.visits).toBe(1);
    expect(stats.byTopic).toEqual([{ code: 'health', count: 1 }]);
  });
});

describe('folds side by side on PostgreSQL', () => {
  it('each returns only once everything queued before it is counted, though the others took some of it', async () => {
    const store = await cityWithTablet('postgres');
    await mixedBacklog(store, 30);
    // As the background folds and statistics reads of four server processes may run at once.
    const processes: Store[] = Array.from({ length: 4 }, () => ({ ...store }));
    const folds = processes.map((own) =>
      foldQueuedRollups(own, 10).then(async (folded) => ({ folded, leftAfter: await queued(store) })),
    );
    const finished = await Promise.all(folds);
    expect(finished.map((fold) => fold.leftAfter)).toEqual([0, 0, 0, 0]);
    expect(finished.reduce((sum, fold) => sum + fold.folded, 0)).toBe(60);
    expect((await getStats(store, JUNE)).totals.visits).toBe(60);
  });
});

describe.each(STORE_KINDS)('folds asked for at once in one process (%s)', (kind) => {
  it('run one after the other, so no visit is read twice', async () => {
    const store = await cityWithTablet(kind);
    await mixedBacklog(store, 30);
    let recordsRead = 0;
    let deltasRead = 0;
    const counting: Store = {
      ...store,
      transaction: (work) =>
        store.transaction((tx) =>
          work({
            exec: (script) => tx.exec(script),
            query: async (text, params) => {
              const rows = await tx.query(text, params);
              if (text.includes('record FROM visits')) recordsRead += rows.length;
              if (text.includes('RETURNING visits, days')) deltasRead += rows.length;
              return rows as never;
            },
          }),
        ),
    };
    // The schedule, a statistics read and the retention run, all at once.
    const folded = await Promise.all([
      foldQueuedRollups(counting, 10),
      foldQueuedRollups(counting, 10),
      foldQueuedRollups(counting, 10),
    ]);
    expect(folded.reduce((sum, n) => sum + n, 0)).toBe(60);
    expect(recordsRead).toBe(30);
    expect(deltasRead).toBe(6);
    expect(await queued(store)).toBe(0);
    expect((await getStats(store, JUNE)).totals.visits).toBe(60);
  });
});

describe('the fold schedule', () => {
  function manualTimer() {
    const due: Array<() => void> = [];
    return {
      setTimer: (run: () => void) => due.push(run),
      clearTimer: () => {
        due.length = 0;
      },
      async tick() {
        const run = due.shift();
        run?.();
        // Let the fold's queries finish.
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
    };
  }

  it('folds when the city is quiet, and at the latest after the longest delay', async () => {
    const store = await cityWithTablet('pglite');
    let clock = 0;
    let quiet = false;
    const timer = manualTimer();
    const schedule = scheduleRollupFolds(store, {
      everyMs: 1_000,
      maxDelayMs: 10_000,
      quiet: () => quiet,
      now: () => clock,
      onError: (error) => {
        throw error;
      },
      setTimer: timer.setTimer,
      clearTimer: timer.clearTimer,
    });
    await sync(store, 'tablet-1', [visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00' })], NOW);

    clock = 1_000;
    await timer.tick();
    expect(await queued(store)).toBe(1); // busy: not yet
    quiet = true;
    clock = 2_000;
    await timer.tick();
    expect(await queued(store)).toBe(0);

    await sync(store, 'tablet-1', [visit({ pointId: 'marta', arrivedAt: '2026-06-11T10:00:00+02:00' })], NOW);
    quiet = false;
    clock = 11_000;
    await timer.tick();
    expect(await queued(store)).toBe(1);
    clock = 12_000;
    await timer.tick();
    expect(await queued(store)).toBe(0); // ten seconds since the last fold, busy or not
    await schedule.stop();
  });

  it('folds a long rush in steps: once the backlog is reached, busy or not', async () => {
    const store = await cityWithTablet('pglite');
    const timer = manualTimer();
    const schedule = scheduleRollupFolds(store, {
      everyMs: 1_000,
      maxDelayMs: 10_000,
      backlog: 2,
      quiet: () => false,
      now: () => 0,
      onError: (error) => {
        throw error;
      },
      setTimer: timer.setTimer,
      clearTimer: timer.clearTimer,
    });
    await sync(store, 'tablet-1', [visit({ pointId: 'marta', arrivedAt: '2026-06-10T10:00:00+02:00' })], NOW);
    await timer.tick();
    expect(await queued(store)).toBe(1); // busy, one visit waiting: not yet
    await sync(store, 'tablet-1', [visit({ pointId: 'marta', arrivedAt: '2026-06-10T11:00:00+02:00' })], NOW);
    await timer.tick();
    expect(await queued(store)).toBe(0);
    await schedule.stop();
  });
});
