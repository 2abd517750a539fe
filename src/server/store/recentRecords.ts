/**
 * Visit records the server stored as new a moment ago in embedded PGlite,
 * kept as the JSON text it sent until the roll-up fold (rollupQueue.ts)
 * counts them, so the fold need not read them back. PGlite runs PostgreSQL
 * on one thread of its own, and turning each stored record back into JSON
 * there, then handing it over to the server's thread, cost the fold more than
 * all of its other statements together. Text, not the parsed record: tens of
 * thousands of them wait a second or two, and a string is one flat object to
 * the garbage collector.
 *
 * Not on a PostgreSQL server: there reading a record back is native work on
 * another core, while the server's one JavaScript thread is what limits
 * ingest, and keeping and parsing the text costs that thread as much as
 * parsing the row did (measured: its CPU per visit rose, throughput fell).
 *
 * Only a hint, never the truth: a record is kept with the version of the row
 * that stored it (its `xmin`, the inserting transaction), and the fold uses it
 * only when the row it reads under lock is still that very version. Anything
 * else (evicted, edited since, written some other way) is read back as before.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import type { Store } from './sql.ts';

/** About two full folds' worth under a rush (rollupQueue.ts folds at 20,000 queued visits). */
export const RECENT_RECORDS_LIMIT = 40_000;

interface Kept {
  version: string;
  text: string;
}

export class RecentRecords {
  private readonly byId = new Map<string, Kept>();

  constructor(private readonly limit = RECENT_RECORDS_LIMIT) {}

  /** Whether it keeps anything at all. */
  get keeps(): boolean {
    return this.limit > 0;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Keeps the JSON `text` of a record stored as row `version` under its id (lower case, as stored); past the limit the oldest go first. */
  remember(id: string, version: string, text: string): void {
    if (this.limit === 0) return;
    this.byId.delete(id); // a new insertion order: it is now the youngest
    this.byId.set(id, { version, text });
    if (this.byId.size > this.limit) this.forgetOldest();
  }

  /**
   * Forgets the oldest tenth at once: walking the map from its start also
   * walks the places of entries taken since, so doing it for every new
   * record would cost more than reading the records back.
   */
  private forgetOldest(): void {
    let over = this.byId.size - Math.floor(this.limit * 0.9);
    for (const oldest of this.byId.keys()) {
      if (over-- <= 0) break;
      this.byId.delete(oldest);
    }
  }

  /** The kept record of `id` when the stored row is still `version`; forgotten either way, as the fold counts it now. */
  take(id: string, version: string): VisitRecord | undefined {
    const kept = this.byId.get(id);
    this.byId.delete(id);
    return kept?.version === version ? (JSON.parse(kept.text) as VisitRecord) : undefined;
  }
}

const perStore = new WeakMap<Store, RecentRecords>();

/** The records kept for one open store: none on PostgreSQL, nor for a store wrapped in another object. */
export function recentRecordsOf(store: Store): RecentRecords {
  let recent = perStore.get(store);
  if (!recent) {
    recent = new RecentRecords(store.kind === 'pglite' ? RECENT_RECORDS_LIMIT : 0);
    perStore.set(store, recent);
  }
  return recent;
}
