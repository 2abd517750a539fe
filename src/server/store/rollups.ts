/**
 * Daily and monthly roll-ups kept beside the visits (migration 002_rollups.sql),
 * so statistics never count visits one by one. Synced visits reach them
 * through the roll-up queue (rollupQueue.ts); the demo loader writes them
 * directly, in the transaction that stores its visits.
 *
 * Per batch: one lookup of visits purged earlier (their contribution is still
 * in the roll-ups, so a tablet sending one again adds nothing) and one
 * multi-row upsert of the summed changes, in key order, into this
 * connection's slot.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import { RollupBatch, type RollupRow } from './rollupContributions.ts';
import type { Sql, Store } from './sql.ts';

/** One visit write: what was stored before (null for a new visit) and what is stored now. */
export interface RollupChange {
  before: VisitRecord | null;
  after: VisitRecord;
}

/** Slots per key (see 002_rollups.sql): concurrent connections mostly write different rows. */
export const ROLLUP_SLOTS = 8;

const UPSERT = `
INSERT INTO visit_rollups (grain, point_id, kind, period, metric, code, slot, amount)
SELECT grain, point_id, kind, period, metric, code, (pg_backend_pid() % ${ROLLUP_SLOTS})::smallint, amount
  FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[])
       AS t(grain, point_id, kind, period, metric, code, amount)
ON CONFLICT (grain, point_id, kind, period, metric, code, slot)
DO UPDATE SET amount = visit_rollups.amount + EXCLUDED.amount`;

// Locks the rows to move in key order (as writers do), so folding and writing never deadlock.
const FOLD = `
WITH moved AS (
  DELETE FROM visit_rollups
   WHERE (grain, point_id, kind, period, metric, code, slot) IN (
     SELECT grain, point_id, kind, period, metric, code, slot FROM visit_rollups
      WHERE slot <> 0
      ORDER BY grain, point_id, kind, period, metric, code, slot
        FOR UPDATE)
  RETURNING grain, point_id, kind, period, metric, code, amount
)
INSERT INTO visit_rollups (grain, point_id, kind, period, metric, code, slot, amount)
SELECT grain, point_id, kind, period, metric, code, 0, sum(amount)
  FROM moved
 GROUP BY grain, point_id, kind, period, metric, code
 ORDER BY grain, point_id, kind, period, metric, code
ON CONFLICT (grain, point_id, kind, period, metric, code, slot)
DO UPDATE SET amount = visit_rollups.amount + EXCLUDED.amount`;

/** Moves every amount into slot 0, so readers find one row per key again. Returns the rows moved into slot 0. */
export async function foldRollupSlots(store: Store): Promise<number> {
  const rows = await store.transaction((tx) => tx.query(`${FOLD} RETURNING 1`));
  return rows.length;
}

// PostgreSQL caps a statement at 65,535 parameters but arrays are one parameter each;
// chunks only keep a single statement's memory modest for huge imports.
const MAX_ROWS_PER_STATEMENT = 20_000;

async function purgedIds(tx: Sql, changes: readonly RollupChange[]): Promise<Set<string>> {
  const fresh = changes.filter((change) => change.before === null).map((change) => change.after.id);
  if (fresh.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>('SELECT id::text AS id FROM purged_visits WHERE id = ANY($1::uuid[])', [fresh]);
  return new Set(rows.map((row) => row.id.toLowerCase()));
}

export async function upsertRollupRows(tx: Sql, rows: readonly RollupRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += MAX_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + MAX_ROWS_PER_STATEMENT);
    await tx.query(UPSERT, [
      chunk.map((row) => row.grain),
      chunk.map((row) => row.pointId),
      chunk.map((row) => row.kind),
      chunk.map((row) => row.period),
      chunk.map((row) => row.metric),
      chunk.map((row) => row.code),
      chunk.map((row) => row.amount),
    ]);
  }
}

/**
 * Subtracts what each `before` contributed (unless it was a tombstone) and adds
 * what each `after` contributes (unless it is one). Call inside the transaction
 * that writes the visits.
 */
export async function applyRollups(tx: Sql, changes: readonly RollupChange[]): Promise<void> {
  if (changes.length === 0) return;
  const batch = new RollupBatch();
  await addRollupChanges(tx, batch, changes);
  await upsertRollupRows(tx, batch.rows());
}

/** Adds `changes` to `batch` as `applyRollups` counts them, for a caller that sums more before writing. */
export async function addRollupChanges(tx: Sql, batch: RollupBatch, changes: readonly RollupChange[]): Promise<void> {
  if (changes.length === 0) return;
  const purged = await purgedIds(tx, changes);
  for (const { before, after } of changes) {
    if (before === null && purged.has(after.id.toLowerCase())) continue;
    if (before) batch.add(before, -1);
    batch.add(after, 1);
  }
}
