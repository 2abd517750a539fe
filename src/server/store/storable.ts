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
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as number[];
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

/** Deep search for a NUL character in any string; iterative, so no nesting depth can exhaust the stack. */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (next !== null && typeof next === 'object') {
      for (const inner of Array.isArray(next) ? next : Object.values(next)) pending.push(inner);
    }
  }
  return false;
}

/** A visit is at most 3 levels deep (visit → visitor → groups); hostile nesting would exhaust the validator's stack. */
const MAX_VISIT_DEPTH = 4;

function deeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop() as [unknown, number];
    if (next === null || typeof next !== 'object') continue;
    if (depth >= limit) return true;
    for (const inner of Array.isArray(next) ? next : Object.values(next)) pending.push([inner, depth + 1]);
  }
  return false;
}

/** Errors for a pushed value nested deeper than any visit can be; checked before the schema. */
export function nestingErrors(value: unknown): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value)
    .filter(([, inner]) => deeperThan(inner, MAX_VISIT_DEPTH - 1))
    .map(([field]) => ({ field, code: 'invalid' as const, message: 'is nested too deeply' }));
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
