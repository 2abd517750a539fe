/**
 * GET /api/v1/export/open-data.csv: the statistics' figures by month and
 * point, for publication. Read from the same roll-ups as GET /api/v1/stats
 * (a month cut by `from` or `to` counts only its days inside the range), with
 * every count from 1 to 4 written `<5` so no small group of visitors can be
 * singled out. There are no per-visit rows, and no totals across points
 * either: a total minus the published cells would undo the suppression.
 */
import { codesOf, KINDS, TOPICS } from '../../shared/taxonomy.ts';
import { METRIC } from '../store/rollupContributions.ts';
import { foldQueuedRollups } from '../store/rollupQueue.ts';
import type { Store } from '../store/sql.ts';
import { CSV_BOM, csvRecord, csvText } from './csv.ts';
import { rangeParams, rollupSource } from './rollupSource.ts';

/** Counts from 1 to SUPPRESS_BELOW − 1 are published as `<5`. */
export const SUPPRESS_BELOW = 5;

export function suppressed(count: number): string {
  return count > 0 && count < SUPPRESS_BELOW ? `<${SUPPRESS_BELOW}` : String(count);
}

const TOPIC_CODES = codesOf(TOPICS);

export const OPEN_DATA_COLUMNS = [
  'month',
  'point_id',
  'point_name',
  'visits',
  'questions',
  'device_sessions',
  'first_visits',
  'people',
  'barriers',
  ...TOPIC_CODES.map((code) => `topic_${code}`),
] as const;

const FIGURES = [METRIC.visits, METRIC.people, METRIC.firstVisits, METRIC.barriers, METRIC.topic];

// $7 the point ids, $8 the metrics; one lateral range scan per point and kind.
const OPEN_DATA_SQL = `
SELECT to_char(source.period, 'YYYY-MM') AS month, source.point_id, metric, code, sum(amount)::float8 AS count
  FROM unnest($7::text[]) AS p(id)
 CROSS JOIN LATERAL ${rollupSource(
   'p.id',
   codesOf(KINDS).map((kind) => `'${kind}'`),
 )} AS source
 WHERE metric = ANY($8::text[])
 GROUP BY 1, source.point_id, metric, code
HAVING sum(amount) > 0`;

interface FigureRow {
  month: string;
  point_id: string;
  metric: string;
  code: string;
  count: number;
}

/** The whole open-data file (small: months × points), byte-order mark and header included. */
export async function openDataCsv(db: Store, range: { from: string; to: string }): Promise<string> {
  await foldQueuedRollups(db);
  const points = await db.query<{ id: string; name: string }>('SELECT id, name FROM points');
  const names = new Map(points.map((point) => [point.id, point.name]));
  const rows = await db.query<FigureRow>(OPEN_DATA_SQL, [
    ...rangeParams(range.from, range.to),
    points.map((point) => point.id),
    FIGURES,
  ]);

  const cells = new Map<string, { month: string; pointId: string; counts: Map<string, number> }>();
  for (const row of rows) {
    const key = `${row.month} ${row.point_id}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { month: row.month, pointId: row.point_id, counts: new Map() };
      cells.set(key, cell);
    }
    cell.counts.set(`${row.metric}:${row.code}`, row.count);
  }

  let csv = CSV_BOM + csvRecord(OPEN_DATA_COLUMNS);
  const ordered = [...cells.values()].sort((a, b) =>
    a.month === b.month ? (a.pointId < b.pointId ? -1 : 1) : a.month < b.month ? -1 : 1,
  );
  for (const { month, pointId, counts } of ordered) {
    const count = (metric: string, code = '') => counts.get(`${metric}:${code}`) ?? 0;
    const questions = count(METRIC.visits, 'question');
    const deviceSessions = count(METRIC.visits, 'device');
    if (questions + deviceSessions === 0) continue;
    csv += csvRecord([
      month,
      pointId,
      csvText(names.get(pointId)),
      suppressed(questions + deviceSessions),
      suppressed(questions),
      suppressed(deviceSessions),
      suppressed(count(METRIC.firstVisits)),
      suppressed(count(METRIC.people)),
      suppressed(count(METRIC.barriers)),
      ...TOPIC_CODES.map((code) => suppressed(count(METRIC.topic, code))),
    ]);
  }
  return csv;
}
