/**
 * Statistics growth: the coordinator's statistics for a whole year over all
 * points (GET /api/v1/stats, over HTTP like the dashboard), with 10 k, 100 k
 * and 1 M visits from the seeded demo generator, on PGlite and PostgreSQL.
 * The store grows in steps (each step loads the missing visits with another
 * seed, through the generator's bulk loader), and is measured after each.
 *
 * Beside it, inside the city process so no HTTP is counted: the same answer's
 * SQL (getStats over the roll-ups) and the obvious alternative, aggregating
 * the visit rows on every call (naiveStats.ts). Both must count the same
 * visits, or the run fails.
 */
import { type StoreKind, startCity } from '../lib/city.ts';
import { signIn, yearStats } from '../lib/cityApi.ts';
import { clock, type Spread, spread } from '../lib/summary.ts';

export interface StatsSizes {
  stores: StoreKind[];
  visits: number[];
  /** timed HTTP calls per size (after warm-up) */
  calls: number;
  /** timed calls of the row-by-row baseline per size */
  naiveCalls: number;
}

export interface StatsStep {
  visits: number;
  loadMs: number;
  httpMs: Spread;
  rollupSqlMs: Spread;
  naiveSqlMs: Spread;
}

export interface StatsStore {
  store: StoreKind;
  steps: StatsStep[];
  /** HTTP median at the largest size ÷ at the smallest */
  growth: number;
  rollupSqlGrowth: number;
  naiveGrowth: number;
}

export interface StatsFigures {
  from: string;
  to: string;
  stores: StatsStore[];
}

const FROM = '2025-01-01';
const TO = '2025-12-31';
const WARM_UP = 3;

async function storeSteps(kind: StoreKind, sizes: StatsSizes, log: (line: string) => void): Promise<StatsStore> {
  const city = await startCity(kind);
  try {
    const coordinator = await signIn(city);
    const steps: StatsStep[] = [];
    let loaded = 0;
    for (const [index, target] of sizes.visits.entries()) {
      log(`statistics on ${kind}: loading up to ${target.toLocaleString('en-GB')} visits`);
      const load = await city.ask({ type: 'load-demo', options: { seed: 500 + index, visits: target - loaded } }, 'loaded');
      loaded += load.inserted;
      if (loaded !== target) throw new Error(`statistics on ${kind}: ${loaded} visits stored, ${target} wanted`);

      for (let i = 0; i < WARM_UP; i++) await yearStats(coordinator, FROM, TO);
      const http: number[] = [];
      let counted = 0;
      for (let i = 0; i < sizes.calls; i++) {
        const started = clock();
        counted = (await yearStats(coordinator, FROM, TO)).totals.visits;
        http.push(clock() - started);
      }
      const rollupSql: number[] = [];
      for (let i = 0; i < sizes.calls; i++)
        rollupSql.push((await city.ask({ type: 'rollup-stats', from: FROM, to: TO }, 'rollup-stats')).ms);
      const naive: number[] = [];
      for (let i = 0; i < sizes.naiveCalls; i++) {
        const answer = await city.ask({ type: 'naive-stats', from: FROM, to: TO }, 'naive-stats');
        if (answer.visits !== counted)
          throw new Error(`statistics on ${kind}: roll-ups count ${counted}, the rows ${answer.visits}`);
        naive.push(answer.ms);
      }
      steps.push({
        visits: target,
        loadMs: load.ms,
        httpMs: spread(http),
        rollupSqlMs: spread(rollupSql),
        naiveSqlMs: spread(naive),
      });
    }
    const first = steps[0] as StatsStep;
    const last = steps.at(-1) as StatsStep;
    return {
      store: kind,
      steps,
      growth: last.httpMs.median / first.httpMs.median,
      rollupSqlGrowth: last.rollupSqlMs.median / first.rollupSqlMs.median,
      naiveGrowth: last.naiveSqlMs.median / first.naiveSqlMs.median,
    };
  } finally {
    await city.stop();
  }
}

export async function statsBench(sizes: StatsSizes, log: (line: string) => void): Promise<StatsFigures> {
  const stores: StatsStore[] = [];
  for (const kind of sizes.stores) stores.push(await storeSteps(kind, sizes, log));
  return { from: FROM, to: TO, stores };
}
