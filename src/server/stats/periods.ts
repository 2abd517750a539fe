/**
 * Calendar arithmetic on local dates (YYYY-MM-DD, Europe/Brussels days) and
 * the split of a date range into whole months and loose days, so a question
 * reads monthly roll-ups where it can and daily ones only at the edges.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

const toMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromMs(toMs(date) + days * DAY_MS);

export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromMs(target.getTime());
}

export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** Half-open ranges [start, end) of local dates. */
export interface RollupRanges {
  /** first days of the whole months inside the range */
  months: readonly [string, string];
  /** the loose days before the first whole month, and after the last one */
  headDays: readonly [string, string];
  tailDays: readonly [string, string];
}

/** Splits from…to (inclusive) into whole months and the loose days at either end. */
export function rollupRanges(from: string, to: string): RollupRanges {
  const end = addDays(to, 1);
  const firstWhole = from.endsWith('-01') ? from : addMonths(monthStart(from), 1);
  const wholeEnd = monthStart(end);
  if (firstWhole >= wholeEnd) {
    return { months: [from, from], headDays: [from, end], tailDays: [end, end] };
  }
  return { months: [firstWhole, wholeEnd], headDays: [from, firstWhole], tailDays: [wholeEnd, end] };
}
