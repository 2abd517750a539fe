/** What a failed write says to the host, in their language. Field errors name the field as the form does. */
import type { FieldError } from '../../shared/visitRules.ts';
import type { WriteResult } from '../visits/writeVisit.ts';
import type { I18n } from './i18n/I18n.tsx';

export type WriteFailure = Extract<WriteResult, { ok: false }>;

export function fieldName(i18n: I18n, field: string): string {
  const key = `field.${field}`;
  return i18n.has(key) ? i18n.t(key) : field;
}

export function errorMessage(i18n: I18n, error: FieldError): string {
  const key = `error.${error.code}`;
  return i18n.has(key)
    ? i18n.t(key, { field: fieldName(i18n, error.field) })
    : `${fieldName(i18n, error.field)}: ${error.message}`;
}

/** One message for a failed write: every field error when invalid. */
export function problemMessage(i18n: I18n, failure: WriteFailure): string {
  if (failure.problem === 'invalid') return failure.errors.map((error) => errorMessage(i18n, error)).join(' ');
  return i18n.t(`error.${failure.problem}`);
}
