/** Local-day arithmetic for "today" and "the last 14 days", on the tablet's own clock and time zone. */

export function startOfLocalDay(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Start of the local day `days` days before the day of `ms` (0 = that day). */
export function startOfDaysAgo(ms: number, days: number): number {
  const day = new Date(startOfLocalDay(ms));
  day.setDate(day.getDate() - days);
  return day.getTime();
}
