/**
 * What the outbox holds, read from the visits themselves: a visit is pending
 * while its current rev has not been acknowledged (StoredVisit.pending, set
 * by `withSyncState` in the transaction that writes the visit).
 */
import { Dexie } from 'dexie';
import type { CheckinDatabase, StoredVisit } from '../db/database.ts';

/** Pending visits by last change, from `from` on (inclusive). */
const pendingFrom = (db: CheckinDatabase, from: string | number = Dexie.minKey) =>
  db.visits.where('[pending+updatedAt]').between([1, from], [1, Dexie.maxKey], true, true);
const pendingRange = (db: CheckinDatabase) => pendingFrom(db);

/**
 * The oldest pending changes first, at most `limit`; with `after` (a batch
 * still in flight, read the same way), the ones that follow it. Reading on
 * from its last `updatedAt` costs the same whatever the outbox holds; the
 * visits of `after` that share that time are skipped by id.
 */
export async function readPendingBatch(
  db: CheckinDatabase,
  limit: number,
  after: readonly { id: string; updatedAt: string }[] = [],
): Promise<StoredVisit[]> {
  const last = after.at(-1);
  if (!last) return pendingRange(db).limit(limit).toArray();
  const inFlight = new Set(after.map((visit) => visit.id));
  const sameTime = after.filter((visit) => visit.updatedAt === last.updatedAt).length;
  const read = await pendingFrom(db, last.updatedAt)
    .limit(limit + sameTime)
    .toArray();
  return read.filter((visit) => !inFlight.has(visit.id)).slice(0, limit);
}

export interface PendingSummary {
  /** Visits whose current rev still has to reach the city. */
  pending: number;
  /** When the oldest of them last changed; null when none wait. */
  oldestPendingAt: string | null;
}

export interface OutboxSummary extends PendingSummary {
  /** Visits the city rejected as they are now: the host has to look at them. */
  attention: number;
}

/** A visit the city rejected at its current rev: shown as needing attention, not resent until edited. */
export const needsAttention = (visit: StoredVisit): boolean => visit.syncError !== null && visit.syncError.rev === visit.rev;

export function summarizePending(db: CheckinDatabase): Promise<PendingSummary> {
  return db.transaction('r', db.visits, async () => {
    const pending = await pendingRange(db).count();
    const oldest = pending > 0 ? await pendingRange(db).first() : undefined;
    return { pending, oldestPendingAt: oldest?.updatedAt ?? null };
  });
}

export function summarizeOutbox(db: CheckinDatabase): Promise<OutboxSummary> {
  return db.transaction('r', db.visits, async () => {
    const attention = await db.visits
      .where('[pending+updatedAt]')
      .between([0, Dexie.minKey], [0, Dexie.maxKey], true, true)
      .filter(needsAttention)
      .count();
    return { ...(await summarizePending(db)), attention };
  });
}

/** Every visit the city has not acknowledged at its current rev (pending or rejected). */
export function readUnsynced(db: CheckinDatabase): Promise<StoredVisit[]> {
  return db.visits.filter((visit) => visit.syncedRev < visit.rev).toArray();
}

const DAY_MS = 86_400_000;

/**
 * Removes visits the city holds at their current rev whose arrival and last
 * change both lie more than `days` ago. Inside one transaction, so a visit
 * edited meanwhile (pending again) is kept. Returns how many left the tablet.
 */
export function removeSyncedOlderThan(db: CheckinDatabase, nowMs: number, days: number): Promise<number> {
  const cutoff = nowMs - days * DAY_MS;
  // Stored times carry local offsets; a day of margin on the index, then the exact instant.
  const roughBound = new Date(cutoff + DAY_MS).toISOString();
  const old = (time: string) => Date.parse(time) < cutoff;
  return db.transaction('rw', db.visits, () =>
    db.visits
      .where('arrivedAt')
      .below(roughBound)
      .filter((v) => v.pending === 0 && v.syncError === null && v.syncedRev >= v.rev && old(v.arrivedAt) && old(v.updatedAt))
      .delete(),
  );
}
