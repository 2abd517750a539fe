/**
 * The obvious alternative to roll-ups, as a baseline for the statistics
 * benchmark: aggregate the visit rows themselves on every call. One statement
 * computes a representative part of the answer (totals, visits per day, per
 * topic, per age band, the weekday × hour heat map and the median wait) for
 * the visits whose Brussels arrival date lies in $1…$2. Its cost grows with
 * the number of visits; that growth is what the roll-ups avoid.
 */
export const NAIVE_YEAR_SQL = `
WITH v AS MATERIALIZED (
  SELECT record, arrived_at AT TIME ZONE 'Europe/Brussels' AS local
    FROM visits
   WHERE NOT deleted
     AND arrived_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Brussels'
     AND arrived_at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels'
),
totals AS (
  SELECT count(*) AS visits, sum((record->>'people')::int) AS people,
         count(*) FILTER (WHERE (record->>'barrier')::boolean) AS barriers
    FROM v
),
by_day AS (SELECT local::date AS day, count(*) AS n FROM v GROUP BY 1),
by_topic AS (SELECT topic, count(*) AS n FROM v, jsonb_array_elements_text(record->'topics') AS topic GROUP BY 1),
by_age AS (SELECT record->'visitor'->>'ageBand' AS code, count(*) AS n FROM v GROUP BY 1),
heat AS (SELECT extract(isodow FROM local) AS weekday, extract(hour FROM local) AS hour, count(*) AS n FROM v GROUP BY 1, 2),
wait AS (
  SELECT percentile_disc(0.5) WITHIN GROUP (
           ORDER BY round(extract(epoch FROM (record->>'startedAt')::timestamptz - (record->>'arrivedAt')::timestamptz) / 60)
         ) AS median
    FROM v WHERE record->>'startedAt' IS NOT NULL
)
SELECT (SELECT visits FROM totals) AS visits,
       (SELECT people FROM totals) AS people,
       (SELECT barriers FROM totals) AS barriers,
       (SELECT count(*) FROM by_day) AS days,
       (SELECT count(*) FROM by_topic) AS topics,
       (SELECT count(*) FROM by_age) AS age_bands,
       (SELECT count(*) FROM heat) AS heat_cells,
       (SELECT median FROM wait) AS wait_median`;
