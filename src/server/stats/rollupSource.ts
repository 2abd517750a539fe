/**
 * The roll-up rows of a date range as one SQL subquery: monthly rows for the
 * whole months, daily rows for the loose days at either end, for one point
 * level and one or more kinds. Parameters $1–$6 are the ranges (see
 * `rangeParams`); the point and kind expressions are the caller's.
 * Each branch pins grain, point_id and kind with equalities and ranges over
 * period, i.e. one range scan of the primary key
 * (grain, point_id, kind, period, …) whatever the planner knows about the
 * table, so the rows read are bounded by the taxonomy and the calendar, never
 * by the number of visits.
 */
import { rollupRanges } from './periods.ts';

export function rangeParams(from: string, to: string): string[] {
  const ranges = rollupRanges(from, to);
  return [...ranges.months, ...ranges.headDays, ...ranges.tailDays];
}

/** Joins one SELECT per kind expression with UNION ALL. */
export function perKind(kinds: readonly string[], select: (kind: string) => string): string {
  return kinds.map(select).join('\n    UNION ALL\n');
}

/** Rows (point_id, period, metric, code, amount) of the range, for `point` (an SQL expression) and each of `kinds`. */
export function rollupSource(point: string, kinds: readonly string[]): string {
  const columns = 'point_id, period, metric, code, amount';
  const ranges: [string, string, string][] = [
    ['m', '$1', '$2'],
    ['d', '$3', '$4'],
    ['d', '$5', '$6'],
  ];
  const branches = perKind(kinds, (kind) =>
    ranges
      .map(
        ([grain, from, to]) => `SELECT ${columns} FROM visit_rollups
     WHERE grain = '${grain}' AND point_id = ${point} AND kind = ${kind} AND period >= ${from}::date AND period < ${to}::date`,
      )
      .join('\n    UNION ALL\n    '),
  );
  return `(\n    ${branches}\n  )`;
}
