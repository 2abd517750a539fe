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

export function acknowledge(db: CheckinDatabase, sent: VisitRecord[], results: SyncResult[]): Promise<Acknowledged> {
  return db.transaction('rw', db.visits, async () => {
    const stored = await db.visits.bulkGet(sent.map((visit) => visit.id));
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
