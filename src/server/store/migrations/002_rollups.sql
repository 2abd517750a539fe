-- Daily and monthly roll-ups of the visits, maintained in the same transaction
-- as every visit write (store/rollups.ts), so statistics read a bounded number
-- of rows however many visits there are.
--
-- A row is one amount of one metric/code for one local period in
-- Europe/Brussels: grain 'd' = one day (period is that day), grain 'm' = one
-- month (period is its first day). Every visit is counted under its kind
-- twice: for its own point and for all points (point_id ''; never a real
-- point id), so a question about all points never sums the points one by one;
-- a question about both kinds sums the two kinds.
-- Concurrent writers would all queue for the same rows (today's, all points),
-- so each database connection adds to its own slot (its backend pid mod 8);
-- readers sum the slots, and foldRollupSlots (daily, with the retention run)
-- moves every amount back into slot 0.
-- Keys compare byte by byte (COLLATE "C"): they are codes, not prose, and
-- every write looks them up in the primary key.
-- An amount may fall to 0 after edits and deletions; readers ignore zeros and
-- the daily retention run removes them.
CREATE TABLE visit_rollups (
  grain char(1) NOT NULL CHECK (grain IN ('d', 'm')),
  point_id text COLLATE "C" NOT NULL,
  kind text COLLATE "C" NOT NULL,
  period date NOT NULL,
  metric text COLLATE "C" NOT NULL,
  code text COLLATE "C" NOT NULL,
  slot smallint NOT NULL DEFAULT 0,
  amount bigint NOT NULL,
  PRIMARY KEY (grain, point_id, kind, period, metric, code, slot)
) WITH (fillfactor = 80); -- room on each page for in-place (HOT) updates of amount

-- Visits per day (byDay) without reading every other metric of those days.
CREATE INDEX visit_rollups_daily_visits ON visit_rollups (point_id, kind, period)
  WHERE grain = 'd' AND metric = 'visits';

-- Visits whose row-level detail was purged after RETENTION_MONTHS: their
-- contribution stays in the roll-ups, so a tablet sending one of them again
-- must not add it a second time (store/rollups.ts checks this table).
CREATE TABLE purged_visits (
  id uuid PRIMARY KEY,
  device_id text NOT NULL,
  rev integer NOT NULL,
  purged_at timestamptz NOT NULL DEFAULT now()
);
