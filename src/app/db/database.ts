/**
 * The tablet's IndexedDB, through Dexie. Every schema version and upgrade
 * lives in this one file; each upgrade has a test that opens a database of
 * the previous version (tests/app/db).
 *
 * Writes use strict durability: Chromium otherwise reports a transaction
 * complete before it reaches the disk, and the screen says "saved" only
 * after the transaction completes.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { VisitRecord } from '../../shared/visit.ts';
import type { FieldError } from '../../shared/visitRules.ts';

/** A visit as the tablet keeps it: the wire record plus its sync state. */
export interface StoredVisit extends VisitRecord {
  /** Highest rev the city acknowledged (applied, unchanged or stale); 0 when never. */
  syncedRev: number;
  /** The city's reason when it rejected `rev`; cleared by the next edit. */
  syncError: { rev: number; errors: FieldError[] } | null;
  /**
   * 1 while the current rev still has to reach the city, else 0. Derived from
   * rev, syncedRev and syncError by `withSyncState` in the same transaction
   * that writes the visit, so "saved" and "queued" can never disagree.
   */
  pending: 0 | 1;
}

export const DB_NAME = 'digibank-checkin';

export class CheckinDatabase extends Dexie {
  visits!: EntityTable<StoredVisit, 'id'>;

  constructor(name: string = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      // arrivedAt sorts today's lists; [pending+updatedAt] finds the outbox, oldest change first.
      visits: 'id, arrivedAt, pointId, [pending+updatedAt]',
    });
  }
}

/** Recomputes the derived `pending` flag; call on every write of a visit. */
export function withSyncState(visit: Omit<StoredVisit, 'pending'>): StoredVisit {
  const acknowledged = visit.syncedRev >= visit.rev;
  const rejectedAsIs = visit.syncError !== null && visit.syncError.rev === visit.rev;
  return { ...visit, pending: acknowledged || rejectedAsIs ? 0 : 1 };
}

/** Strips the tablet's bookkeeping: what goes on the wire and into the rescue file. */
export function toWire(stored: StoredVisit): VisitRecord {
  const { syncedRev: _s, syncError: _e, pending: _p, ...visit } = stored;
  return visit;
}
