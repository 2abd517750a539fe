/**
 * The whole field contract of a visit: the TypeBox schema plus the rules a
 * schema cannot say (time order, topics once finished, device-only fields,
 * the personal-data guard, the 24 h future limit). The tablet and the server
 * call the same function, so a visit the tablet saves is one the city accepts.
 * Messages are for developers; screens translate the `code`.
 */
import Value from 'typebox/value';
import { findPersonalData } from './pii.ts';
import { isRealTimestamp } from './timestamp.ts';
import { Visit, type VisitRecord, type WireVisit, withDefaults } from './visit.ts';

export type FieldErrorCode =
  | 'invalid'
  | 'unknown-field'
  | 'order'
  | 'too-long'
  | 'future'
  | 'topics-required'
  | 'device-required'
  | 'device-only'
  | 'referral-only'
  | 'personal-data'
  | 'forbidden'
  | 'conflict'
  | 'unknown-point';

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
}

export type VisitCheck = { ok: true; visit: VisitRecord } | { ok: false; errors: FieldError[] };

const HOUR_MS = 3_600_000;
export const MAX_VISIT_HOURS = 12;
export const MAX_FUTURE_HOURS = 24;

function schemaErrors(value: unknown): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const error of Value.Errors(Visit, value)) {
    if (error.keyword === 'boolean') continue; // reported once more as additionalProperties
    if (error.keyword === 'additionalProperties') {
      const extra = (error.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      for (const name of extra) {
        const field = [pathToField(error.instancePath), name].filter(Boolean).join('.');
        byField.set(field, { field, code: 'unknown-field', message: `unknown field "${field}"` });
      }
      continue;
    }
    const field = pathToField(error.instancePath) || 'visit';
    if (!byField.has(field)) byField.set(field, { field, code: 'invalid', message: describe(error) });
  }
  // A union (nullable object) reports its own failure beside the deeper one: keep the deeper, clearer one.
  const fields = [...byField.keys()];
  return [...byField.values()].filter((e) => !fields.some((other) => other.startsWith(`${e.field}.`)));
}

function pathToField(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).join('.');
}

function describe(error: { keyword: string; message: string; params: unknown }): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum') return `must be one of: ${(params.allowedValues as string[]).join(', ')}`;
  if (error.keyword === 'pattern') return 'has the wrong format';
  if (error.keyword === 'required')
    return `is missing ${(params.requiredProperties as string[] | undefined)?.join(', ') ?? 'a field'}`;
  return error.message;
}

const ms = (time: string | null): number | null => (time === null ? null : isRealTimestamp(time) ? Date.parse(time) : Number.NaN);

/** A visit is at most 3 levels deep (visit → visitor → groups); hostile nesting would exhaust the validator's stack. */
const MAX_VISIT_DEPTH = 4;

// Recursion stops at `limit`, so no nesting depth can exhaust the stack here.
function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) return value.some((inner) => deeperThan(inner, limit - 1));
  for (const key in value) {
    if (deeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

function nestingErrors(value: unknown): FieldError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const errors: FieldError[] = [];
  for (const [field, inner] of Object.entries(value)) {
    if (deeperThan(inner, MAX_VISIT_DEPTH - 1)) errors.push({ field, code: 'invalid', message: 'is nested too deeply' });
  }
  return errors;
}

const TIME_FIELDS = ['arrivedAt', 'startedAt', 'endedAt', 'createdAt', 'updatedAt'] as const;

/** Cross-field rules on a schema-valid visit. `nowMs` is the checker's clock. */
export function ruleErrors(visit: VisitRecord, nowMs: number): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, code: FieldErrorCode, message: string) => errors.push({ field, code, message });
  const times = { arrivedAt: ms(visit.arrivedAt), startedAt: ms(visit.startedAt), endedAt: ms(visit.endedAt) };
  for (const field of TIME_FIELDS) {
    const value = field === 'createdAt' || field === 'updatedAt' ? ms(visit[field]) : times[field];
    if (value !== null && Number.isNaN(value)) add(field, 'invalid', 'is not a real date and time');
  }
  const arrived = times.arrivedAt;
  if (arrived !== null && !Number.isNaN(arrived)) {
    if (arrived > nowMs + MAX_FUTURE_HOURS * HOUR_MS) add('arrivedAt', 'future', 'lies more than 24 hours in the future');
    const started = times.startedAt ?? arrived;
    if (times.startedAt !== null && times.startedAt < arrived) add('startedAt', 'order', 'is before arrivedAt');
    if (times.endedAt !== null && times.endedAt < started) add('endedAt', 'order', 'is before startedAt or arrivedAt');
    const last = times.endedAt ?? times.startedAt;
    if (last !== null && last - arrived > MAX_VISIT_HOURS * HOUR_MS)
      add(times.endedAt !== null ? 'endedAt' : 'startedAt', 'too-long', 'a visit lasts at most 12 hours');
  }
  if (visit.endedAt !== null && visit.topics.length === 0) {
    add('topics', 'topics-required', 'a finished visit needs at least one topic');
  }
  if (visit.kind === 'device' && visit.device === null) add('device', 'device-required', 'device help needs the device');
  if (visit.kind !== 'device' && visit.problem !== null) add('problem', 'device-only', 'a problem is only for device help');
  if (visit.referredTo !== null && visit.outcome !== 'referred')
    add('referredTo', 'referral-only', 'only with outcome "referred"');
  // PostgreSQL text cannot hold NUL; codes and ids are patterned, so only the note can carry one.
  if (visit.note?.includes('\u0000')) add('note', 'invalid', 'contains a NUL character');
  else if (visit.note !== null) {
    const found = findPersonalData(visit.note);
    if (found) add('note', 'personal-data', `looks like personal data (${found}); notes may not identify a visitor`);
  }
  return errors;
}

/** Whether a value fits the Visit schema; the server passes a compiled (faster) one. */
export type SchemaCheck = (value: unknown) => boolean;
const interpretedCheck: SchemaCheck = (value) => Value.Check(Visit, value);

/** Validates anything claimed to be a visit; on success returns it with defaults filled in. */
export function checkVisit(value: unknown, nowMs: number, fitsSchema: SchemaCheck = interpretedCheck): VisitCheck {
  const nesting = nestingErrors(value);
  if (nesting.length > 0) return { ok: false, errors: nesting };
  // Only an invalid visit pays for the field-by-field error report.
  if (!fitsSchema(value)) return { ok: false, errors: schemaErrors(value) };
  const visit = withDefaults(value as WireVisit);
  const rules = ruleErrors(visit, nowMs);
  return rules.length > 0 ? { ok: false, errors: rules } : { ok: true, visit };
}
