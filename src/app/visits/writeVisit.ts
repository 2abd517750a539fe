/**
 * The one way a visit is written. It stamps rev/createdAt/updatedAt, checks
 * the record against the shared contract (so the city accepts what the
 * tablet saves), and writes it with its outbox state in ONE transaction.
 * A caller says "saved" only when this resolves with ok.
 */

import { toLocalTimestamp } from '../../shared/time.ts';
import type { VisitRecord } from '../../shared/visit.ts';
import type { FieldError } from '../../shared/visitRules.ts';
import { type StoredVisit, toWire, withSyncState } from '../db/database.ts';
import type { VisitDeps } from './deps.ts';
import { loadVisitRules } from './rules.ts';

/** The fields a person decides; id, rev and the bookkeeping times are the tablet's. */
export type VisitFields = Omit<VisitRecord, 'id' | 'rev' | 'createdAt' | 'updatedAt'>;

/** Enough to put a visit back the way it was just before a write. */
export interface UndoStep {
  id: string;
  /** The visit before the write; null when the write created it. */
  before: VisitRecord | null;
}

export type WriteProblem = 'invalid' | 'not-found' | 'storage-full' | 'write-failed';

export type WriteResult =
  | { ok: true; visit: VisitRecord; undo: UndoStep }
  | { ok: false; problem: 'invalid'; errors: FieldError[] }
  | { ok: false; problem: Exclude<WriteProblem, 'invalid'> };

/** Creates a visit with a fresh id. `fields` receives the write's own timestamp (for arrivedAt = now). */
export function createVisit(deps: VisitDeps, fields: (stamp: string) => VisitFields): Promise<WriteResult> {
  return commit(deps, null, (_current, stamp) => fields(stamp));
}

/** Changes an existing visit; `change` gets the stored visit as it is inside the transaction. */
export function updateVisit(
  deps: VisitDeps,
  id: string,
  change: (current: VisitRecord, stamp: string) => VisitFields,
): Promise<WriteResult> {
  return commit(deps, id, (current, stamp) => (current ? change(current, stamp) : null));
}

async function commit(
  deps: VisitDeps,
  existingId: string | null,
  build: (current: VisitRecord | null, stamp: string) => VisitFields | null,
): Promise<WriteResult> {
  // Loaded before the transaction: awaiting anything but IndexedDB inside it would let it commit early.
  const checkVisit = await loadVisitRules();
  const nowMs = deps.now();
  const stamp = toLocalTimestamp(nowMs);
  const { db } = deps;
  try {
    return await db.transaction('rw', db.visits, async (): Promise<WriteResult> => {
      const stored = existingId === null ? undefined : await db.visits.get(existingId);
      if (existingId !== null && !stored) return { ok: false, problem: 'not-found' };
      const before = stored ? toWire(stored) : null;
      const fields = build(before, stamp);
      if (!fields) return { ok: false, problem: 'not-found' };
      const candidate: VisitRecord = {
        ...fields,
        id: stored?.id ?? deps.newId(nowMs),
        rev: (stored?.rev ?? 0) + 1,
        createdAt: stored?.createdAt ?? stamp,
        updatedAt: stamp,
      };
      const checked = checkVisit(candidate, nowMs);
      if (!checked.ok) return { ok: false, problem: 'invalid', errors: checked.errors };
      // An edit is a new question for the city, so an earlier rejection no longer applies.
      const next: StoredVisit = withSyncState({ ...checked.visit, syncedRev: stored?.syncedRev ?? 0, syncError: null });
      await db.visits.put(next);
      return { ok: true, visit: checked.visit, undo: { id: candidate.id, before } };
    });
  } catch (error) {
    return { ok: false, problem: isQuotaError(error) ? 'storage-full' : 'write-failed' };
  }
}

function isQuotaError(error: unknown): boolean {
  const names = [error, (error as { inner?: unknown } | null)?.inner].map((e) => (e as { name?: unknown } | null)?.name);
  return names.includes('QuotaExceededError');
}

/** The fields of a stored visit, without id/rev/bookkeeping: the starting point of every change. */
export function fieldsOf(visit: VisitRecord): VisitFields {
  const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, ...fields } = visit;
  return fields;
}
