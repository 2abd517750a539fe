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
import type { Kind } from '../../shared/taxonomy.ts';
import { ALL, METRIC } from '../store/rollupContributions.ts';
import type { Sql } from '../store/sql.ts';
import type { StatsAnswer } from './answer.ts';
import { rangeParams, rollupSource } from './rollupSource.ts';

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

const COUNTS_SQL = `
WITH sums AS (
  SELECT metric, code, sum(amount) AS count
    FROM ${rollupSource('point_id = $7 AND kind = $8')} AS source
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

const BY_DAY_SQL = `
SELECT to_char(period, 'YYYY-MM-DD') AS date, sum(amount)::float8 AS count
  FROM visit_rollups
 WHERE grain = 'd' AND metric = '${METRIC.visits}' AND point_id = $1 AND kind = $2
   AND period >= $3::date AND period <= $4::date
 GROUP BY period
HAVING sum(amount) > 0
 ORDER BY period`;

const codeCounts = (rows: readonly MetricRow[]) => rows.map(({ code, count }) => ({ code, count }));

export async function getStats(db: Sql, query: StatsQuery): Promise<StatsAnswer> {
  const point = query.point ?? null;
  const kind = query.kind ?? null;
  const level = [point ?? ALL, kind ?? ALL];
  const rows = await db.query<MetricRow>(COUNTS_SQL, [...rangeParams(query.from, query.to), ...level]);
  const byDay = await db.query<{ date: string; count: number }>(BY_DAY_SQL, [...level, query.from, query.to]);

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
