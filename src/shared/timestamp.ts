/**
 * Whether an RFC 3339 timestamp names a real instant. Date.parse rolls
 * impossible dates over (2026-02-30 becomes 2 March) and PostgreSQL refuses
 * them, so both the tablet and the server check the calendar itself.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

export function isRealTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  // A `Z` time has no offset groups: they read as 0, never as NaN.
  const [year = 0, month = 0, day = 0, hour = 99, minute = 99, second = 99, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}
