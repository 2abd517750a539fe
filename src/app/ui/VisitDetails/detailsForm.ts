/**
 * The visit-details form as plain values (what the inputs hold) and back to
 * visit fields. Times are edited as the wall-clock time the host saw; a time
 * left as it was keeps its exact stored stamp.
 */

import type { Kind } from '../../../shared/taxonomy.ts';
import { toLocalTimestamp } from '../../../shared/time.ts';
import type { VisitRecord } from '../../../shared/visit.ts';
import type { VisitFields } from '../../visits/writeVisit.ts';

export interface DetailsForm {
  kind: Kind;
  topics: string[];
  outcome: string | null;
  referredTo: string | null;
  deviceType: string | null;
  os: string | null;
  ownership: string | null;
  problem: string | null;
  ageBand: string | null;
  language: string | null;
  firstVisit: boolean | null;
  groups: string[];
  effort: string | null;
  contact: string | null;
  people: number;
  barrier: boolean;
  note: string;
  /** `YYYY-MM-DDTHH:mm`, as an <input type="datetime-local"> holds it; '' when not set. */
  arrivedAt: string;
  startedAt: string;
  endedAt: string;
}

const wallClock = (stamp: string | null): string => (stamp ? stamp.slice(0, 16) : '');

export function formOf(visit: VisitRecord): DetailsForm {
  return {
    kind: visit.kind,
    topics: [...visit.topics],
    outcome: visit.outcome,
    referredTo: visit.referredTo,
    deviceType: visit.device?.type ?? null,
    os: visit.device?.os ?? null,
    ownership: visit.device?.ownership ?? null,
    problem: visit.problem,
    ageBand: visit.visitor?.ageBand ?? null,
    language: visit.visitor?.language ?? null,
    firstVisit: visit.visitor?.firstVisit ?? null,
    groups: [...(visit.visitor?.groups ?? [])],
    effort: visit.effort,
    contact: visit.contact,
    people: visit.people,
    barrier: visit.barrier,
    note: visit.note ?? '',
    arrivedAt: wallClock(visit.arrivedAt),
    startedAt: wallClock(visit.startedAt),
    endedAt: wallClock(visit.endedAt),
  };
}

function stampOf(value: string, stored: string | null): string | null {
  if (value === '') return null;
  if (stored && value === wallClock(stored)) return stored;
  const ms = new Date(value).getTime();
  // An unreadable time goes through as typed, so the shared rules name the field.
  return Number.isNaN(ms) ? value : toLocalTimestamp(ms);
}

/** Only the members that are set, so "not asked" stays absent rather than null. */
function present<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * The form as visit fields. Codes come from the taxonomy buttons; the shared
 * rules check them again before anything is written.
 */
export function fieldsOfForm(form: DetailsForm, visit: VisitRecord): Partial<VisitFields> {
  const device = present({ type: form.deviceType, os: form.os, ownership: form.ownership });
  const visitor = present({ ageBand: form.ageBand, language: form.language, firstVisit: form.firstVisit });
  const hasVisitor = Object.keys(visitor).length > 0 || form.groups.length > 0;
  return {
    kind: form.kind,
    topics: form.topics,
    outcome: form.outcome,
    referredTo: form.outcome === 'referred' ? form.referredTo : null,
    device: form.kind === 'device' || Object.keys(device).length > 0 ? device : null,
    problem: form.kind === 'device' ? form.problem : null,
    visitor: hasVisitor ? { ...visitor, ...(form.groups.length > 0 && { groups: form.groups }) } : null,
    effort: form.effort,
    contact: form.contact,
    people: form.people,
    barrier: form.barrier,
    note: form.note.trim() === '' ? null : form.note.trim(),
    arrivedAt: stampOf(form.arrivedAt, visit.arrivedAt) ?? '',
    startedAt: stampOf(form.startedAt, visit.startedAt),
    endedAt: stampOf(form.endedAt, visit.endedAt),
  } as Partial<VisitFields>;
}

/** True when saving the form would change nothing (so no new rev is made). */
export function isUnchanged(form: DetailsForm, visit: VisitRecord): boolean {
  return JSON.stringify(formOf(visit)) === JSON.stringify(form);
}
