/**
 * GET /api/v1/stats, computed in SQL over the roll-ups (store/rollups.ts):
 * one statement for every count and both percentiles, one for the visits per
 * day. The rows read depend on the taxonomy and the length of the range,
 * never on the number of visits.
 *
 * Median and p90 use the nearest-rank definition over whole minutes: with N
 * visits sorted by minutes, the p-th percentile is the value at rank ⌈p·N⌉
 * (1-based), i.e. the smallest value with at least p·N visits at or below it.
 * So the median of 4, 10 is 4 and of 4, 10, 12 is 10; the p90 of ten visits
 * is the 9th. Minutes are rounded to the nearest whole minute per visit.
 */

import type { StatsAnswer } from '../../shared/stats.ts';
import { codesOf, KINDS, type Kind } from '../../shared/taxonomy.ts';
import { ALL, METRIC } from '../store/rollupContributions.ts';
import { foldQueuedRollups } from '../store/rollupQueue.ts';
import type { Store } from '../store/sql.ts';
import { perKind, rangeParams, rollupSource } from './rollupSource.ts';

export interface StatsQuery {
  /** first local date, YYYY-MM-DD, inclusive */
  from: string;
  /** last local date, YYYY-MM-DD, inclusive */
  to: string;
  point?: string | null;
  kind?: Kind | null;
}

interface MetricRow {
  metric: string;
  code: string;
  count: number;
  median: number | null;
  p90: number | null;
}

const HISTOGRAMS = `'${METRIC.wait}', '${METRIC.help}'`;

// $7 the point level ('' for all points), $8… the kinds to sum.
const countsSql = (kinds: readonly string[]) => `
WITH sums AS (
  SELECT metric, code, sum(amount) AS count
    FROM ${rollupSource('$7', kinds)} AS source
   GROUP BY metric, code
  HAVING sum(amount) > 0
),
histogram AS (
  SELECT metric, code::int AS minutes,
         sum(count) OVER (PARTITION BY metric ORDER BY code::int) AS running,
         sum(count) OVER (PARTITION BY metric) AS total
    FROM sums
   WHERE metric IN (${HISTOGRAMS})
)
SELECT metric, code COLLATE "C" AS code, count::float8 AS count, NULL::int AS median, NULL::int AS p90
  FROM sums
 WHERE metric NOT IN (${HISTOGRAMS})
UNION ALL
SELECT metric, '', max(total)::float8,
       min(minutes) FILTER (WHERE running >= ceil(total * 0.5)),
       min(minutes) FILTER (WHERE running >= ceil(total * 0.9))
  FROM histogram
 GROUP BY metric
ORDER BY metric, count DESC, code`;

// $1/$2 the dates, $3 the point level, $4… the kinds to sum.
const byDaySql = (kinds: readonly string[]) => `
SELECT to_char(period, 'YYYY-MM-DD') AS date, sum(amount)::float8 AS count
  FROM (
    ${perKind(
      kinds,
      (kind) => `SELECT period, amount FROM visit_rollups
     WHERE grain = 'd' AND metric = '${METRIC.visits}' AND point_id = $3 AND kind = ${kind}
       AND period >= $1::date AND period <= $2::date`,
    )}
  ) AS days
 GROUP BY period
HAVING sum(amount) > 0
 ORDER BY period`;

const placeholders = (first: number, count: number) => Array.from({ length: count }, (_, i) => `$${first + i}`);
const SQL_BY_KIND_COUNT = new Map(
  [1, KINDS.length].map((n) => [n, { counts: countsSql(placeholders(8, n)), byDay: byDaySql(placeholders(4, n)) }]),
);

const KIND_CODES = codesOf(KINDS);

const codeCounts = (rows: readonly MetricRow[]) => rows.map(({ code, count }) => ({ code, count }));

export async function getStats(store: Store, query: StatsQuery): Promise<StatsAnswer> {
  const point = query.point ?? null;
  const kind = query.kind ?? null;
  // The level of one point or of all points (''), and the kinds to sum.
  const kinds = kind ? [kind] : KIND_CODES;
  const sql = SQL_BY_KIND_COUNT.get(kinds.length) as { counts: string; byDay: string };
  // Every visit written before this call is in the figures.
  await foldQueuedRollups(store);
  const { rows, byDay } = await store.transaction(async (tx) => {
    // A few thousand rows read by exact range scans: launching parallel workers costs more than it saves.
    await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
    return {
      rows: await tx.query<MetricRow>(sql.counts, [...rangeParams(query.from, query.to), point ?? ALL, ...kinds]),
      byDay: await tx.query<{ date: string; count: number }>(sql.byDay, [query.from, query.to, point ?? ALL, ...kinds]),
    };
  });

  const metric = (name: string) => rows.filter((row) => row.metric === name);
  const total = (name: string, code = '') => metric(name).find((row) => row.code === code)?.count ?? 0;
  const minutes = (name: string) => {
    const row = metric(name)[0];
    return row && row.median !== null && row.p90 !== null ? { median: row.median, p90: row.p90 } : null;
  };
  const questions = total(METRIC.visits, 'question');
  const deviceSessions = total(METRIC.visits, 'device');
  const visits = questions + deviceSessions;
  const barriers = total(METRIC.barriers);
  // On one point's level the point's own share is simply its total.
  const perPoint = (name: string, count: number) =>
    point === null
      ? metric(name).map(({ code, count }) => ({ pointId: code, count }))
      : count > 0
        ? [{ pointId: point, count }]
        : [];

  return {
    from: query.from,
    to: query.to,
    point,
    kind,
    totals: {
      visits,
      questions,
      deviceSessions,
      firstVisits: total(METRIC.firstVisits),
      people: total(METRIC.people),
      barriers,
    },
    byDay,
    byPoint: perPoint(METRIC.point, visits),
    byTopic: codeCounts(metric(METRIC.topic)),
    byProblem: codeCounts(metric(METRIC.problem)),
    byAgeBand: codeCounts(metric(METRIC.ageBand)),
    byLanguage: codeCounts(metric(METRIC.language)),
    byGroup: codeCounts(metric(METRIC.group)),
    byOutcome: codeCounts(metric(METRIC.outcome)),
    byReferral: codeCounts(metric(METRIC.referral)),
    byEffort: codeCounts(metric(METRIC.effort)),
    byContact: codeCounts(metric(METRIC.contact)),
    heatmap: metric(METRIC.hour).map(({ code, count }) => {
      const [weekday = 0, hour = 0] = code.split(':').map(Number);
      return { weekday, hour, count };
    }),
    waitMinutes: minutes(METRIC.wait),
    helpMinutes: minutes(METRIC.help),
    byDeviceType: codeCounts(metric(METRIC.deviceType)),
    byDeviceOs: codeCounts(metric(METRIC.deviceOs)),
    byDeviceOwnership: codeCounts(metric(METRIC.deviceOwnership)),
    barriersByTopic: codeCounts(metric(METRIC.barrierTopic)),
    barriersByPoint: perPoint(METRIC.barrierPoint, barriers),
  };
}
