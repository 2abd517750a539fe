/**
 * Writes the city's answer into the outbox: one transaction per answer, one
 * decision per visit. The stored rev is compared inside the transaction, so
 * a visit edited while its batch was in flight stays pending for its new rev.
 */
import type { SyncResult } from '../../shared/protocol.ts';
import type { VisitRecord } from '../../shared/visit.ts';
import { type CheckinDatabase, type StoredVisit, withSyncState } from '../db/database.ts';

export interface Acknowledged {
  /** applied, unchanged or stale: the city holds this rev or a newer one. */
  synced: number;
  rejected: number;
}

/**
 * The sent visits as stored now. A batch was read in outbox order, so while
 * they wait, its visits lie between its first and last change: one range
 * read finds them (a browser's IndexedDB pays per request, and a lookup per
 * visit made it most of a drain's time). Those no longer in that range (edited,
 * or answered meanwhile) are looked up by id.
 */
async function storedNow(db: CheckinDatabase, sent: VisitRecord[]): Promise<(StoredVisit | undefined)[]> {
  if (sent.length === 0) return [];
  const times = sent.map((visit) => visit.updatedAt).sort();
  const [first, last] = [times[0] as string, times.at(-1) as string];
  const inRange = await db.visits.where('[pending+updatedAt]').between([1, first], [1, last], true, true).toArray();
  const byId = new Map(inRange.map((visit) => [visit.id, visit]));
  const missing = sent.filter((visit) => !byId.has(visit.id)).map((visit) => visit.id);
  if (missing.length > 0) {
    for (const visit of await db.visits.bulkGet(missing)) if (visit) byId.set(visit.id, visit);
  }
  return sent.map((visit) => byId.get(visit.id));
}

export function acknowledge(db: CheckinDatabase, sent: VisitRecord[], results: SyncResult[]): Promise<Acknowledged> {
  return db.transaction('rw', db.visits, async () => {
    const stored = await storedNow(db, sent);
    const updates: StoredVisit[] = [];
    const counts: Acknowledged = { synced: 0, rejected: 0 };
    sent.forEach((visit, i) => {
      const current = stored[i];
      const result = results[i];
      if (!current || !result) return;
      if (result.status === 'rejected') {
        counts.rejected++;
        // A rejection of an older rev says nothing about the edit made since.
        if (current.rev !== visit.rev) return;
        updates.push(withSyncState({ ...current, syncError: { rev: visit.rev, errors: result.errors ?? [] } }));
        return;
      }
      counts.synced++;
      if (current.syncedRev >= visit.rev) return;
      updates.push(withSyncState({ ...current, syncedRev: visit.rev }));
    });
    if (updates.length > 0) await db.visits.bulkPut(updates);
    return counts;
  });
}
