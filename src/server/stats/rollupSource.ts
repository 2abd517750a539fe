/**
 * The roll-up rows of a date range as one SQL subquery: monthly rows for the
 * whole months, daily rows for the loose days at either end. Parameters $1–$6
 * are the ranges (see `rangeParams`); the caller's level condition uses $7 on.
 * Each branch is one range scan of the primary key
 * (grain, point_id, kind, period, …), so the rows read are bounded by the
 * taxonomy and the calendar, never by the number of visits.
 */
import { rollupRanges } from './periods.ts';

export function rangeParams(from: string, to: string): string[] {
  const ranges = rollupRanges(from, to);
  return [...ranges.months, ...ranges.headDays, ...ranges.tailDays];
}

/** Rows (point_id, month, metric, code, amount) of the range for the level `levelCondition`. */
export function rollupSource(levelCondition: string): string {
  const columns = 'point_id, period, metric, code, amount';
  return `(
    SELECT ${columns} FROM visit_rollups
     WHERE grain = 'm' AND ${levelCondition} AND period >= $1::date AND period < $2::date
    UNION ALL
    SELECT ${columns} FROM visit_rollups
     WHERE grain = 'd' AND ${levelCondition} AND period >= $3::date AND period < $4::date
    UNION ALL
    SELECT ${columns} FROM visit_rollups
     WHERE grain = 'd' AND ${levelCondition} AND period >= $5::date AND period < $6::date
  )`;
}
