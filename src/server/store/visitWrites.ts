/**
 * Writing pushed visits by the sync rules (sync-protocol.md): one result per
 * visit in request order, applied / unchanged / stale / rejected, a visit
 * owned by the device that first pushed it, idempotent under retries and
 * concurrent pushes. A whole batch is checked first. Visits the city has
 * never seen (nearly all of them) are stored in one statement; the others are
 * decided and written in one transaction. Either way a visit's note in the
 * roll-up queue (rollupQueue.ts) is committed with it, everything reported
 * applied or unchanged is committed before the answer leaves, and the next
 * statistics read counts it.
 */
import { isDeepStrictEqual } from 'node:util';
import { Compile } from 'typebox/compile';
import { MAX_BATCH_VISITS, type RescueFile, type SyncResult } from '../../shared/protocol.ts';
import { Visit, type VisitRecord } from '../../shared/visit.ts';
import { checkVisit, type FieldError } from '../../shared/visitRules.ts';
import { deviceExists } from './devices.ts';
import { existingPointIds } from './points.ts';
import { queueRollups } from './rollupQueue.ts';
import type { Sql, Store } from './sql.ts';

interface Candidate {
  index: number;
  key: string;
  record: VisitRecord;
}

interface StoredVisit {
  deviceId: string;
  rev: number;
  record: VisitRecord;
}

/** Thrown inside the transaction when another push inserted one of our new ids first: run the batch again. */
class ConcurrentInsert extends Error {}
const ATTEMPTS = 5;

/** The Visit schema compiled once: it passes a valid visit in a fraction of the interpreted check's time. */
const compiledVisit = Compile(Visit);
const fitsSchema = (value: unknown): boolean => compiledVisit.Check(value);

const rejected = (id: string, errors: FieldError[]): SyncResult => ({ id, status: 'rejected', errors });

/** Checks and writes `visits` for `deviceId`; returns one result per visit, in order. */
export async function writeVisits(store: Store, deviceId: string, visits: readonly unknown[], now: Date): Promise<SyncResult[]> {
  const results: SyncResult[] = visits.map((value) => ({ id: idOf(value), status: 'rejected' }));
  const candidates: Candidate[] = [];
  visits.forEach((value, index) => {
    const check = checkVisit(value, now.getTime(), fitsSchema);
    if (!check.ok) {
      results[index] = rejected(idOf(value), check.errors);
      return;
    }
    const record = { ...check.visit, id: check.visit.id.toLowerCase() };
    candidates.push({ index, key: record.id, record });
  });

  const rest = await insertNewVisits(store, deviceId, candidates, now, results);
  if (rest.length === 0) return results;

  const points = await existingPointIds(store, [...new Set(rest.map((c) => c.record.pointId))]);
  const known = rest.filter((candidate) => {
    if (points.has(candidate.record.pointId)) return true;
    results[candidate.index] = rejected(idOf(visits[candidate.index]), [
      { field: 'pointId', code: 'unknown-point', message: `"${candidate.record.pointId}" is not a known point` },
    ]);
    return false;
  });
  if (known.length === 0) return results;

  for (let attempt = 1; ; attempt++) {
    try {
      const decided = await store.transaction((tx) => writeBatch(tx, deviceId, known, now));
      for (const candidate of known) results[candidate.index] = decided.get(candidate.index) as SyncResult;
      return results;
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
    }
  }
}

// Columns of a visit row from one visit record `r` (jsonb): $1 is the device, $3 the time received.
const VISIT_COLUMNS = 'id, device_id, rev, point_id, kind, arrived_at, deleted, record, received_at';
const VISIT_VALUES = `(r->>'id')::uuid, $1, (r->>'rev')::int, r->>'pointId', r->>'kind', (r->>'arrivedAt')::timestamptz,
       (r->>'deleted')::boolean, r, $3`;

// One statement, so one round trip and its own transaction: the visits with a known point are stored
// and queued for the roll-ups unless their id is already taken.
const INSERT_NEW = `
WITH inserted AS (
  INSERT INTO visits (${VISIT_COLUMNS})
  SELECT ${VISIT_VALUES}
    FROM jsonb_array_elements($2::jsonb) AS r
   WHERE EXISTS (SELECT 1 FROM points p WHERE p.id = r->>'pointId')
   ORDER BY (r->>'id')::uuid
  ON CONFLICT (id) DO NOTHING
  RETURNING id
), queued AS (
  INSERT INTO rollup_queue (visit_id) SELECT id FROM inserted ON CONFLICT (visit_id) DO NOTHING
)
SELECT id::text AS id FROM inserted`;

/**
 * The common case first: visits the city has never seen. Stores those in one
 * statement and answers them `applied`; returns the candidates still to be
 * decided (ids already stored, unknown points), for the full rules. A batch
 * that holds an id twice goes to the full rules whole.
 */
async function insertNewVisits(
  store: Store,
  deviceId: string,
  candidates: Candidate[],
  now: Date,
  results: SyncResult[],
): Promise<Candidate[]> {
  if (candidates.length === 0 || new Set(candidates.map((c) => c.key)).size !== candidates.length) return candidates;
  let rows: { id: string }[] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      rows = await store.query<{ id: string }>(INSERT_NEW, [
        deviceId,
        JSON.stringify(candidates.map((c) => c.record)),
        now.toISOString(),
      ]);
      break;
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
    }
  }
  const inserted = new Set(rows.map((row) => row.id));
  return candidates.filter((candidate) => {
    if (!inserted.has(candidate.key)) return true;
    results[candidate.index] = { id: candidate.record.id, status: 'applied' };
    return false;
  });
}

/** Another push inserting the same new ids, or PostgreSQL breaking a deadlock between two pushes. */
const isRetryable = (error: unknown): boolean =>
  error instanceof ConcurrentInsert || (error as { code?: unknown } | null)?.code === '40P01';

function idOf(value: unknown): string {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : '';
}

async function writeBatch(tx: Sql, deviceId: string, candidates: Candidate[], now: Date): Promise<Map<number, SyncResult>> {
  const keys = [...new Set(candidates.map((c) => c.key))];
  const rows = await tx.query<{ id: string; device_id: string; rev: number; record: VisitRecord }>(
    'SELECT id::text AS id, device_id, rev, record FROM visits WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    [keys],
  );
  const stored = new Map<string, StoredVisit>(
    rows.map((row) => [row.id, { deviceId: row.device_id, rev: row.rev, record: row.record }]),
  );
  const before = new Map<string, VisitRecord | null>();
  const written = new Map<string, VisitRecord>();
  const decided = new Map<number, SyncResult>();

  for (const { index, key, record } of candidates) {
    const id = record.id;
    const current = stored.get(key);
    let status: SyncResult['status'] = 'applied';
    if (!current) {
      before.set(key, null);
    } else if (current.deviceId !== deviceId) {
      decided.set(index, rejected(id, [{ field: 'id', code: 'forbidden', message: 'this visit belongs to another device' }]));
      continue;
    } else if (record.rev < current.rev) {
      status = 'stale';
    } else if (record.rev === current.rev) {
      if (!isDeepStrictEqual(record, current.record)) {
        decided.set(
          index,
          rejected(id, [{ field: 'rev', code: 'conflict', message: 'this rev was already stored with different content' }]),
        );
        continue;
      }
      status = 'unchanged';
    } else if (!before.has(key)) {
      before.set(key, current.record);
    }
    if (status === 'applied') {
      written.set(key, record);
      stored.set(key, { deviceId, rev: record.rev, record });
    }
    decided.set(index, { id, status });
  }

  // Rows in id order, like the locks above, so two pushes never wait on each other in a cycle.
  const ordered = [...written].sort(([a], [b]) => (a < b ? -1 : 1));
  const inserts = ordered.filter(([key]) => before.get(key) === null).map(([, record]) => record);
  const updates = ordered.filter(([key]) => before.get(key) !== null).map(([, record]) => record);
  if (inserts.length > 0) {
    const inserted = await tx.query(
      `INSERT INTO visits (${VISIT_COLUMNS})
       SELECT ${VISIT_VALUES}
       FROM jsonb_array_elements($2::jsonb) AS r
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [deviceId, JSON.stringify(inserts), now.toISOString()],
    );
    if (inserted.length !== inserts.length) throw new ConcurrentInsert();
  }
  if (updates.length > 0) {
    await tx.query(
      `UPDATE visits v SET rev = (r->>'rev')::int, point_id = r->>'pointId', kind = r->>'kind',
              arrived_at = (r->>'arrivedAt')::timestamptz, deleted = (r->>'deleted')::boolean, record = r, received_at = $2
       FROM jsonb_array_elements($1::jsonb) AS r
       WHERE v.id = (r->>'id')::uuid`,
      [JSON.stringify(updates), now.toISOString()],
    );
  }
  await queueRollups(
    tx,
    ordered.map(([key]) => ({ id: key, before: before.get(key) ?? null })),
  );
  return decided;
}

/**
 * A tablet's rescue file goes through the same rules in batches, owned by the
 * device that saved it: importing it twice, or after the tablet synced part
 * of it, doubles nothing. Null when the file names a device never paired here.
 */
export async function importRescueFile(store: Store, file: RescueFile, now: () => Date): Promise<SyncResult[] | null> {
  if (!(await deviceExists(store, file.deviceId))) return null;
  const results: SyncResult[] = [];
  for (let start = 0; start < file.visits.length; start += MAX_BATCH_VISITS) {
    results.push(...(await writeVisits(store, file.deviceId, file.visits.slice(start, start + MAX_BATCH_VISITS), now())));
  }
  return results;
}
