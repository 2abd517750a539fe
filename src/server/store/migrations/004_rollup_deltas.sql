-- What a sync batch of new visits adds to the roll-ups, summed by the city as
-- it stores them: one row per batch, in the same statement as its visits
-- (store/newVisits.ts). The fold adds these to visit_rollups beside the
-- rollup_queue (store/rollupQueue.ts), so it reads back neither the visits
-- nor a note per visit for the common case of a sync. A batch that is not
-- wholly new (an id already stored, a purged id, an unknown point) is noted
-- visit by visit in rollup_queue instead. A note's `before` is then what the
-- roll-ups count once the deltas written before it are folded too.
--
-- `days` is the batch's amounts per point, kind and Brussels day, as JSON
-- (RollupBatch.daysJson); the month and all-points rows are derived when
-- folded. `visits` is how many visits the batch held, to size folds.
CREATE TABLE rollup_deltas (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visits integer NOT NULL,
  days text NOT NULL
);

-- Kept out of line without compression: written once, read once, never searched.
ALTER TABLE rollup_deltas ALTER COLUMN days SET STORAGE EXTERNAL;
