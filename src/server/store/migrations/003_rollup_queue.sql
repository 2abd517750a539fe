-- Visits whose contribution to visit_rollups is out of date. A sync write adds
-- one row per visit it changes, in the same transaction as the visit, and
-- never a second one: `before` is the version the roll-ups still count (null:
-- nothing yet). store/rollupQueue.ts folds the queue into the roll-ups in the
-- background and before every statistics read, so a sync never waits on the
-- roll-up rows that every tablet shares, and many batches are summed into one
-- upsert.
CREATE TABLE rollup_queue (
  visit_id uuid PRIMARY KEY,
  before jsonb
);
