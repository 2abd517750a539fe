/**
 * Periods of local dates (YYYY-MM-DD, inclusive) as the statistics take them:
 * the presets a coordinator picks, the previous period of equal length each
 * figure is compared with, and the buckets a series is drawn in. Pure
 * calendar arithmetic (in UTC, so no daylight-saving hour shifts a day).
 */

export type Preset = 'week' | 'month' | 'year' | 'custom';
export const PRESETS: readonly Preset[] = ['week', 'month', 'year', 'custom'];

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const toMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The earlier and the later of two YYYY-MM-DD dates (they sort as text). */
export const earlierOf = (a: string, b: string): string => (a.localeCompare(b) <= 0 ? a : b);
export const laterOf = (a: string, b: string): string => (a.localeCompare(b) >= 0 ? a : b);

export const addDays = (date: string, days: number): string => fromMs(toMs(date) + days * DAY_MS);

/** How many days from…to holds, both ends included. */
export const lengthInDays = (period: Period): number => Math.round((toMs(period.to) - toMs(period.from)) / DAY_MS) + 1;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => ((new Date(toMs(date)).getUTCDay() + 6) % 7) + 1;

/** The Monday of the week `date` lies in. */
export const weekStart = (date: string): string => addDays(date, 1 - isoWeekday(date));

/** This week, month or year so far: from its first day up to and including today. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Period {
  if (preset === 'week') return { from: weekStart(today), to: today };
  if (preset === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The period of equal length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const to = addDays(period.from, -1);
  return { from: addDays(to, 1 - lengthInDays(period)), to };
}

/** The same day `months` calendar months earlier, on the month's last day when it is shorter (31 March → 28 February). */
export function monthsEarlier(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return fromMs(first.getTime());
}

/**
 * What a period's figures are compared with. This week, month or year so far
 * against the same days of the week, month or year before (Monday–Wednesday
 * against last Monday–Wednesday, not against last Friday–Sunday); a custom
 * period against the period of equal length just before it.
 */
export function comparisonPeriod(preset: Preset, period: Period): Period {
  if (preset === 'week') return { from: addDays(period.from, -7), to: addDays(period.to, -7) };
  if (preset === 'month') return { from: monthsEarlier(period.from, 1), to: monthsEarlier(period.to, 1) };
  if (preset === 'year') return { from: monthsEarlier(period.from, 12), to: monthsEarlier(period.to, 12) };
  return previousPeriod(period);
}

/** The change from `previous` to `current` in whole percent; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return Math.round(((current - previous) / previous) * 100);
}

export const isValidPeriod = (period: Period): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;

export interface SeriesPoint {
  /** the first day of the bucket */
  date: string;
  count: number;
}

/** Longer periods are drawn per week, so a year shows 53 bars rather than 365. */
export const WEEKLY_AFTER_DAYS = 62;

/**
 * Visits per day (or per week, Monday first, for long periods), every bucket
 * of the period present, the empty ones as 0 (the statistics leave zeros out).
 */
export function visitSeries(
  byDay: readonly { date: string; count: number }[],
  period: Period,
): {
  bucket: 'day' | 'week';
  points: SeriesPoint[];
} {
  const bucket = lengthInDays(period) > WEEKLY_AFTER_DAYS ? 'week' : 'day';
  const keyOf = (date: string) => (bucket === 'week' ? weekStart(date) : date);
  const counts = new Map<string, number>();
  for (let day = keyOf(period.from); day <= period.to; day = addDays(day, bucket === 'week' ? 7 : 1)) counts.set(day, 0);
  for (const { date, count } of byDay) {
    const key = keyOf(date);
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  return { bucket, points: [...counts].map(([date, count]) => ({ date, count })) };
}

/** The calendar months (YYYY-MM) that from…to touches, oldest first. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The whole calendar month YYYY-MM as a period. */
export function monthPeriod(month: string): Period {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** `period` cut to `month`: a report of a month never counts days outside the chosen period. */
export function clampToMonth(period: Period, month: string): Period {
  const whole = monthPeriod(month);
  return { from: laterOf(whole.from, period.from), to: earlierOf(whole.to, period.to) };
}
