/**
 * What a coordinator may ask for: a range of local dates (YYYY-MM-DD,
 * Europe/Brussels), `from` ≤ `to`, at most three years apart. Shared by the
 * statistics and both exports, so they refuse the same things with the same words.
 */
import { addMonths, isLocalDate } from './periods.ts';

export const MAX_RANGE_YEARS = 3;

/** Why from…to cannot be answered, in words a developer understands; null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isLocalDate(from)) return `from "${from}" is not a date written YYYY-MM-DD`;
  if (!isLocalDate(to)) return `to "${to}" is not a date written YYYY-MM-DD`;
  if (from > to) return `from (${from}) is after to (${to})`;
  if (to > addMonths(from, 12 * MAX_RANGE_YEARS)) return `from and to are more than ${MAX_RANGE_YEARS} years apart`;
  return null;
}
