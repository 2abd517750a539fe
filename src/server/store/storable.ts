/**
 * What PostgreSQL refuses to store although JavaScript accepts it: impossible
 * calendar dates (2026-02-30, hour 24, year 0, which Date.parse rolls over)
 * and NUL characters in text. Checked per visit before any SQL, so such a
 * visit is rejected on its own instead of failing the batch.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import type { FieldError } from '../../shared/visitRules.ts';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const TIME_FIELDS = ['arrivedAt', 'startedAt', 'endedAt', 'createdAt', 'updatedAt'] as const;

/** True for an RFC 3339 timestamp that names a real instant. */
export function isRealTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map(Number) as number[];
  if (year === undefined || month === undefined || day === undefined) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    (hour ?? 99) <= 23 &&
    (minute ?? 99) <= 59 &&
    (second ?? 99) <= 59 &&
    offsetHours <= 15 &&
    offsetMinutes <= 59
  );
}

/** Deep search for a NUL character in any string. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

export function storableErrors(visit: VisitRecord): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of TIME_FIELDS) {
    const value = visit[field];
    if (value !== null && !isRealTimestamp(value))
      errors.push({ field, code: 'invalid', message: 'is not a real date and time' });
  }
  for (const [field, value] of Object.entries(visit)) {
    if (containsNul(value)) errors.push({ field, code: 'invalid', message: 'contains a NUL character' });
  }
  return errors;
}
