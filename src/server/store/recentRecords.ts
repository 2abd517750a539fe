/**
 * Visit records this process stored as new a moment ago, kept until the
 * roll-up fold (rollupQueue.ts) counts them, so the fold need not read them
 * back from the database: turning each stored record back into JSON text and
 * parsing it again cost the fold more than any of its other statements.
 *
 * Only a hint, never the truth: the fold uses a kept record only when its rev
 * is the stored row's rev, which it reads under lock. The sync rules never
 * store other content under a rev that is already stored (that is a
 * conflict), so a matching rev means the same record. Anything missing here
 * (evicted, written by another process, or edited since) is read back as
 * before.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import type { Store } from './sql.ts';

/** About two full folds' worth under a rush (rollupQueue.ts folds at 20,000 queued visits). */
export const RECENT_RECORDS_LIMIT = 40_000;

export class RecentRecords {
  private readonly byId = new Map<string, VisitRecord>();

  constructor(private readonly limit = RECENT_RECORDS_LIMIT) {}

  get size(): number {
    return this.byId.size;
  }

  /** Keeps `record` under its id (lower case, as stored); past the limit the oldest ones go first. */
  remember(id: string, record: VisitRecord): void {
    this.byId.delete(id); // a new insertion order: it is now the youngest
    this.byId.set(id, record);
    for (const oldest of this.byId.keys()) {
      if (this.byId.size <= this.limit) break;
      this.byId.delete(oldest);
    }
  }

  /** The kept record of `id` when it is the stored `rev`; forgotten either way, as the fold counts it now. */
  take(id: string, rev: number): VisitRecord | undefined {
    const record = this.byId.get(id);
    this.byId.delete(id);
    return record?.rev === rev ? record : undefined;
  }
}

const perStore = new WeakMap<Store, RecentRecords>();

/** The records kept for one open store (a store wrapped in another object simply has none). */
export function recentRecordsOf(store: Store): RecentRecords {
  let recent = perStore.get(store);
  if (!recent) {
    recent = new RecentRecords();
    perStore.set(store, recent);
  }
  return recent;
}
