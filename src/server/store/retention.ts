/**
 * Row-level visits are kept for RETENTION_MONTHS (default 24); after that only
 * the roll-ups that statistics read remain, so the figures of old periods never
 * change. Each purged visit leaves a tombstone of its id, device and rev in
 * purged_visits: a tablet that sends such a visit again (a lost answer, a
 * rescue file imported late) has its row stored again but adds nothing to the
 * roll-ups (store/rollups.ts), and the next purge removes the row again.
 */
import { foldQueuedRollups } from './rollupQueue.ts';
import { foldRollupSlots } from './rollups.ts';
import type { Store } from './sql.ts';

/** Visits deleted per transaction: embedded PGlite serves no other query while one runs. */
export const PURGE_BATCH = 5_000;
export const DEFAULT_RETENTION_MONTHS = 24;
const DAY_MS = 86_400_000;

// The first moment kept: midnight in Brussels, `months` before today's Brussels date.
const CUTOFF_SQL = `
SELECT ((($1::timestamptz AT TIME ZONE 'Europe/Brussels')::date - make_interval(months => $2::int))::date::timestamp
         AT TIME ZONE 'Europe/Brussels')::text AS cutoff`;

const PURGE_SQL = `
WITH gone AS (
  DELETE FROM visits
   WHERE id IN (SELECT id FROM visits v
                 WHERE arrived_at < $1::timestamptz
                   AND NOT EXISTS (SELECT 1 FROM rollup_queue q WHERE q.visit_id = v.id)
                 ORDER BY arrived_at LIMIT $2)
  RETURNING id, device_id, rev
)
INSERT INTO purged_visits (id, device_id, rev)
SELECT id, device_id, rev FROM gone
ON CONFLICT (id) DO UPDATE SET device_id = EXCLUDED.device_id, rev = EXCLUDED.rev, purged_at = now()
RETURNING id`;

export interface PurgeResult {
  /** the first instant whose visits were kept (RFC 3339-like PostgreSQL text) */
  cutoff: string;
  purged: number;
}

/** Deletes the row-level visits that arrived before midnight (Brussels) `months` months before `now`. */
export async function purgeOldVisits(store: Store, now: Date, months: number): Promise<PurgeResult> {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('the retention is a whole number of months, at least 1');
  const [row] = await store.query<{ cutoff: string }>(CUTOFF_SQL, [now.toISOString(), months]);
  const cutoff = row?.cutoff as string;
  // A purged visit's contribution stays in the roll-ups, so it must be in them first; one queued since waits for the next purge.
  await foldQueuedRollups(store);
  let purged = 0;
  for (;;) {
    const rows = await store.transaction((tx) => tx.query(PURGE_SQL, [cutoff, PURGE_BATCH]));
    purged += rows.length;
    if (rows.length < PURGE_BATCH) break;
  }
  // One row per key again, and no amounts that edits and deletions brought back to zero.
  await foldRollupSlots(store);
  await store.query('DELETE FROM visit_rollups WHERE amount = 0');
  return { cutoff, purged };
}

export interface RetentionSchedule {
  stop(): void;
}

export interface RetentionOptions {
  months: number;
  now: () => Date;
  /** what to do with a failed run (the next one is still scheduled) */
  onError: (error: unknown) => void;
  onPurged?: (result: PurgeResult) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  everyMs?: number;
}

/** Purges at once and then once a day until stopped. */
export function scheduleRetention(store: Store, options: RetentionOptions): RetentionSchedule {
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let stopped = false;
  let timer: unknown = null;
  const run = async () => {
    try {
      const result = await purgeOldVisits(store, options.now(), options.months);
      options.onPurged?.(result);
    } catch (error) {
      options.onError(error);
    }
    if (!stopped) timer = setTimer(() => void run(), options.everyMs ?? DAY_MS);
  };
  void run();
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
    },
  };
}
