/**
 * The common case of a sync: visits the city has never seen, stored in one
 * statement (one round trip, one commit) with what they add to the roll-ups
 * (summed here, so the fold need not read them back) and, when every visit
 * was new, the device's contact. Whatever that statement did
 * not store goes on to the full write rules in visitWrites.ts.
 */
import type { SyncResult } from '../../shared/protocol.ts';
import type { VisitRecord } from '../../shared/visit.ts';
import { type Contact, contactAssignments, contactParams } from './devices.ts';
import { RollupBatch } from './rollupContributions.ts';
import { isDeadlock, type Store } from './sql.ts';

/** A visit that passed the rules, at its place in the request; `key` is its id in lower case. */
export interface Candidate {
  index: number;
  key: string;
  record: VisitRecord;
}

const ATTEMPTS = 5;

// Columns of a visit row from one visit record `r` (jsonb): $1 is the device, $3 the time received.
export const VISIT_COLUMNS = 'id, device_id, rev, point_id, kind, arrived_at, deleted, record, received_at';
export const VISIT_VALUES = `(r->>'id')::uuid, $1, (r->>'rev')::int, r->>'pointId', r->>'kind', (r->>'arrivedAt')::timestamptz,
       (r->>'deleted')::boolean, r, $3`;

// One statement, so one round trip and one commit: the visits with a known point are stored unless
// their id is already taken. When all $4 were stored and none was purged before, the roll-up amounts
// the city summed for them ($5) are kept as one delta; otherwise each stored visit gets its note in
// the roll-up queue. With a contact ($6…), the device's contact is noted too when all were stored.
const insertNewSql = (withContact: boolean) => `
WITH inserted AS (
  INSERT INTO visits (${VISIT_COLUMNS})
  SELECT ${VISIT_VALUES}
    FROM jsonb_array_elements($2::jsonb) AS r
   WHERE EXISTS (SELECT 1 FROM points p WHERE p.id = r->>'pointId')
   ORDER BY (r->>'id')::uuid
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), whole AS (
  SELECT (SELECT count(*) FROM inserted) = $4::int
         AND NOT EXISTS (SELECT 1 FROM purged_visits p WHERE p.id IN (SELECT id FROM inserted)) AS yes
), summed AS (
  INSERT INTO rollup_deltas (visits, days) SELECT $4::int, $5::text FROM whole WHERE yes
), queued AS (
  INSERT INTO rollup_queue (visit_id) SELECT id FROM inserted WHERE NOT (SELECT yes FROM whole)
  ON CONFLICT (visit_id) DO NOTHING
)${
  withContact
    ? `, contact AS (
  UPDATE devices SET ${contactAssignments(6)}
   WHERE id = $1 AND (SELECT count(*) FROM inserted) = $4::int
)`
    : ''
}
SELECT id::text AS id FROM inserted`;
const INSERT_NEW = insertNewSql(false);
const INSERT_NEW_WITH_CONTACT = insertNewSql(true);

/**
 * The common case first: visits the city has never seen. Stores those in one
 * statement and answers them `applied`; returns the candidates still to be
 * decided (ids already stored, unknown points), for the full rules. A batch
 * that holds an id twice goes to the full rules whole. When every visit was
 * new, `contact` is noted in the same statement.
 */
export async function insertNewVisits(
  store: Store,
  deviceId: string,
  candidates: Candidate[],
  now: Date,
  results: SyncResult[],
  contact: Contact | undefined,
): Promise<Candidate[]> {
  if (candidates.length === 0 || new Set(candidates.map((c) => c.key)).size !== candidates.length) return candidates;
  const sums = new RollupBatch();
  for (const { record } of candidates) sums.add(record, 1);
  const records = JSON.stringify(candidates.map((c) => c.record));
  const params = [deviceId, records, now.toISOString(), candidates.length, sums.daysJson()];
  let rows: { id: string }[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      rows = contact
        ? await store.query<{ id: string }>(INSERT_NEW_WITH_CONTACT, [...params, ...contactParams(contact)])
        : await store.query<{ id: string }>(INSERT_NEW, params);
      break;
    } catch (error) {
      if (!isDeadlock(error) || attempt === ATTEMPTS) throw error;
    }
  }
  const inserted = new Set(rows.map((row) => row.id));
  return candidates.filter((candidate) => {
    if (!inserted.has(candidate.key)) return true;
    results[candidate.index] = { id: candidate.record.id, status: 'applied' };
    return false;
  });
}
