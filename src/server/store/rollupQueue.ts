/**
 * The roll-ups behind the visits (migrations 003_rollup_queue.sql and
 * 004_rollup_deltas.sql). A sync write does not touch the roll-up rows every
 * tablet shares. A batch of new visits (nearly every sync) leaves what it adds
 * to them, summed by the city, as one delta; any other write notes each
 * changed visit and what the roll-ups counted for it before. Folding moves
 * deltas and notes into visit_rollups in large batches, outside the sync's
 * transaction. Statistics fold first, so every answer still counts every visit
 * written before it. Amounts add up in any order, so a note may be folded
 * before the delta of the visit's first version.
 *
 * Locks follow the writers' order, visit rows first and queue rows second, so
 * a fold never deadlocks with a sync. A fold takes the visits it folds FOR
 * UPDATE and so reads the version a sync in flight commits, together with the
 * queue row that sync left as it was. Syncs only ever insert deltas.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import { RollupBatch } from './rollupContributions.ts';
import { addRollupChanges, type RollupChange, upsertRollupRows } from './rollups.ts';
import { isDeadlock, type Sql, type Store } from './sql.ts';

/** One visit written by a sync: its id and the stored version it replaced (null for a new visit). */
export interface QueuedChange {
  id: string;
  before: VisitRecord | null;
}

/**
 * Visits folded per transaction, on either store. A larger fold writes fewer
 * roll-up rows per visit: on PGlite, whose fold holds the only connection,
 * 12,000 fold in about 0.3 s at 20–25 µs a visit, against 50 µs a visit in
 * folds of 2,000 (README, Performance).
 */
export const FOLD_BATCH = 12_000;
export const DEFAULT_FOLD_EVERY_MS = 1_000;
export const DEFAULT_FOLD_MAX_DELAY_MS = 10_000;
/**
 * Queued visits that start a fold even while tablets keep syncing: well under
 * a second of folding (20–25 µs a visit). So a long rush is folded while it
 * lasts, and a statistics read (which folds first) waits only for what the
 * fold has not reached yet, not for the rush's whole backlog. One tablet
 * draining a full outbox (≤ 10,000 visits) is not interrupted.
 */
export const DEFAULT_FOLD_BACKLOG = 20_000;

/** Notes the changed visits in the sync's transaction. A visit already queued keeps the `before` the roll-ups count. */
export async function queueRollups(tx: Sql, changes: readonly QueuedChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO rollup_queue (visit_id, before)
     SELECT id, before::jsonb FROM unnest($1::uuid[], $2::text[]) AS t(id, before)
     ON CONFLICT (visit_id) DO NOTHING`,
    [changes.map((change) => change.id), changes.map((change) => (change.before ? JSON.stringify(change.before) : null))],
  );
}

/** One fold transaction: whether it found a full batch (more may wait behind it), and how many visits it folded itself. */
interface FoldStep {
  full: boolean;
  folded: number;
}

/** Folds up to `limit` visits of sync deltas and up to `limit` queued visits in one upsert. */
async function foldBatch(tx: Sql, limit: number): Promise<FoldStep> {
  const batch = new RollupBatch();
  const deltas = await takeDeltas(tx, batch, limit);
  const queued = await takeQueued(tx, batch, limit);
  await upsertRollupRows(tx, batch.rows());
  return { full: deltas.full || queued.full, folded: deltas.folded + queued.folded };
}

/** Adds the oldest sync deltas, `limit` visits at most (at least one delta), to `batch` and deletes them. */
async function takeDeltas(tx: Sql, batch: RollupBatch, limit: number): Promise<FoldStep> {
  // Each delta holds at least one visit, so `limit` rows always cover `limit` visits.
  const waiting = await tx.query<{ id: string; visits: number }>(
    'SELECT id::text AS id, visits FROM rollup_deltas ORDER BY id LIMIT $1',
    [limit],
  );
  const ids: string[] = [];
  let found = 0;
  for (const { id, visits } of waiting) {
    if (found >= limit) break;
    ids.push(id);
    found += visits;
  }
  if (ids.length === 0) return { full: false, folded: 0 };
  // Another fold may have taken some of them meanwhile (this waits for its commit): only those deleted here are folded here.
  const taken = await tx.query<{ visits: number; days: string }>(
    'DELETE FROM rollup_deltas WHERE id = ANY($1::bigint[]) RETURNING visits, days',
    [ids],
  );
  let folded = 0;
  for (const { visits, days } of taken) {
    batch.addDaysJson(days);
    folded += visits;
  }
  return { full: found >= limit, folded };
}

/** Adds the first `limit` visits noted in the queue to `batch`: minus what the roll-ups counted, plus the stored version. */
async function takeQueued(tx: Sql, batch: RollupBatch, limit: number): Promise<FoldStep> {
  const waiting = await tx.query<{ id: string }>('SELECT visit_id::text AS id FROM rollup_queue ORDER BY visit_id LIMIT $1', [
    limit,
  ]);
  if (waiting.length === 0) return { full: false, folded: 0 };
  const ids = waiting.map((row) => row.id);
  const visits = await tx.query<{ id: string; record: VisitRecord }>(
    'SELECT id::text AS id, record FROM visits WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  const current = new Map(visits.map((row) => [row.id, row.record]));
  // Another fold may have taken some of them meanwhile: only the rows deleted here are folded here.
  const taken = await tx.query<{ id: string; before: VisitRecord | null }>(
    'DELETE FROM rollup_queue WHERE visit_id = ANY($1::uuid[]) RETURNING visit_id::text AS id, before',
    [ids],
  );
  const changes: RollupChange[] = [];
  for (const { id, before } of taken) {
    const after = current.get(id);
    // Retention never purges a queued visit, so `after` is always there; without it there is nothing to add.
    if (after) changes.push({ before, after });
  }
  await addRollupChanges(tx, batch, changes);
  return { full: waiting.length >= limit, folded: taken.length };
}

/** Whether the queue and the sync deltas hold at least `visits` visits; counts no further than that. */
export async function queueHolds(sql: Sql, visits: number): Promise<boolean> {
  const rows = await sql.query<{ held: number }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM rollup_queue LIMIT $1) AS queued)
          + (SELECT coalesce(sum(visits), 0) FROM (SELECT visits FROM rollup_deltas ORDER BY id LIMIT $1) AS summed) AS held`,
    [visits],
  );
  return Number(rows[0]?.held ?? 0) >= visits;
}

/** The last fold started or waiting in this process, per store. */
const foldsInProcess = new WeakMap<Store, Promise<number>>();

/**
 * Folds everything queued when it starts, `batch` visits per transaction, and
 * returns only once all of it is counted, including what folds running beside
 * it (the schedule, a statistics read, other processes) took and committed.
 * Returns how many visits it folded itself.
 */
export function foldQueuedRollups(store: Store, batch: number = FOLD_BATCH): Promise<number> {
  // One fold at a time per store in this process: two would read the same queued visits, and the one
  // that waits for the other's locks reads them for nothing.
  const mine = (foldsInProcess.get(store) ?? Promise.resolve()).catch(() => undefined).then(() => foldAll(store, batch));
  foldsInProcess.set(store, mine);
  return mine;
}

async function foldAll(store: Store, batch: number): Promise<number> {
  let folded = 0;
  for (;;) {
    const step = await foldOnce(store, batch);
    folded += step.folded;
    // Less than a full batch found: nothing was left at that moment; syncs still arriving wait for the next fold.
    // A full batch that another fold took (this one waited for that fold's commit) says nothing of what is left behind it.
    if (!step.full) return folded;
  }
}

const ATTEMPTS = 5;

/** One batch in its own transaction, run again if PostgreSQL stops it to break a deadlock with a sync or another fold. */
async function foldOnce(store: Store, batch: number): Promise<FoldStep> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction((tx) => foldBatch(tx, batch));
    } catch (error) {
      if (!isDeadlock(error) || attempt === ATTEMPTS) throw error;
    }
  }
}

export interface FoldSchedule {
  stop(): Promise<void>;
}

export interface FoldOptions {
  everyMs?: number;
  /** Whether the city is quiet enough for a fold now; without it, every tick folds. */
  quiet?: () => boolean;
  /** Fold at the latest this long after the last fold, quiet or not. */
  maxDelayMs?: number;
  /** Fold, quiet or not, once this many visits are queued. */
  backlog?: number;
  now?: () => number;
  onError: (error: unknown) => void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Looks every `everyMs` and folds the queue when the city is quiet, when
 * `maxDelayMs` passed since the last fold, or when `backlog` visits wait;
 * `stop` waits for a fold in progress.
 */
export function scheduleRollupFolds(store: Store, options: FoldOptions): FoldSchedule {
  const everyMs = options.everyMs ?? DEFAULT_FOLD_EVERY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_FOLD_MAX_DELAY_MS;
  const backlog = options.backlog ?? DEFAULT_FOLD_BACKLOG;
  const now = options.now ?? Date.now;
  const quiet = options.quiet ?? (() => true);
  let lastFoldAt = now();
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  let stopped = false;
  let timer: unknown = null;
  let running: Promise<void> = Promise.resolve();
  const due = async (): Promise<boolean> => quiet() || now() - lastFoldAt >= maxDelayMs || (await queueHolds(store, backlog));
  const foldIfDue = async () => {
    if (!(await due())) return;
    lastFoldAt = now();
    await foldQueuedRollups(store);
  };
  const run = () => {
    running = foldIfDue()
      .catch((error: unknown) => options.onError(error))
      .finally(() => {
        if (!stopped) timer = setTimer(run, everyMs);
      });
  };
  timer = setTimer(run, everyMs);
  return {
    async stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      await running;
    },
  };
}
