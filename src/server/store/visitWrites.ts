/**
 * Writing pushed visits by the sync rules (sync-protocol.md): one result per
 * visit in request order, applied / unchanged / stale / rejected, a visit
 * owned by the device that first pushed it, idempotent under retries and
 * concurrent pushes. A whole batch is checked first. Visits the city has
 * never seen (nearly all of them) are stored in one statement; the others are
 * decided and written in one transaction. Either way what a visit changes in
 * the roll-ups (rollupQueue.ts) is committed with it, everything reported
 * applied or unchanged is committed before the answer leaves, and the next
 * statistics read counts it.
 */
import { isDeepStrictEqual } from 'node:util';
import { Compile } from 'typebox/compile';
import { type ClientInfo, MAX_BATCH_VISITS, type RescueFile, type SyncResult } from '../../shared/protocol.ts';
import { Visit, type VisitRecord } from '../../shared/visit.ts';
import { checkVisit, type FieldError } from '../../shared/visitRules.ts';
import { deviceExists, recordContact } from './devices.ts';
import { type Candidate, insertNewVisits, VISIT_COLUMNS, VISIT_VALUES } from './newVisits.ts';
import { existingPointIds } from './points.ts';
import { queueRollups } from './rollupQueue.ts';
import { isDeadlock, type Sql, type Store } from './sql.ts';

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

/** A tablet's own call: noted on its device (last seen, heartbeat, last point) in the same commit as its visits when it can be. */
export interface DeviceCall {
  client?: ClientInfo | undefined;
}

/** Checks and writes `visits` for `deviceId`; returns one result per visit, in order. */
export async function writeVisits(
  store: Store,
  deviceId: string,
  visits: readonly unknown[],
  now: Date,
  call?: DeviceCall,
): Promise<SyncResult[]> {
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

  // The usual batch holds only new visits: all applied, so its last point is known before writing.
  const contactIfAllNew = call && { now, client: call.client, lastPointId: lastPointOf(candidates) };
  const rest = await insertNewVisits(store, deviceId, candidates, now, results, contactIfAllNew);
  if (candidates.length > 0 && rest.length === 0) return results;
  if (rest.length > 0) await writeRest(store, deviceId, rest, now, results);
  if (call) {
    const held = candidates.filter((c) => ['applied', 'unchanged'].includes(results[c.index]?.status ?? ''));
    await recordContact(store, deviceId, { now, client: call.client, lastPointId: lastPointOf(held) });
  }
  return results;
}

/** The point of the most recently changed visit (the last one on a tie): where the tablet was last used. */
function lastPointOf(held: readonly Candidate[]): string | null {
  let best: { at: number; pointId: string } | null = null;
  for (const { record } of held) {
    const at = Date.parse(record.updatedAt);
    if (!best || at >= best.at) best = { at, pointId: record.pointId };
  }
  return best?.pointId ?? null;
}

/** The full rules for what the single statement did not store: known ids and unknown points. */
async function writeRest(store: Store, deviceId: string, rest: Candidate[], now: Date, results: SyncResult[]): Promise<void> {
  const points = await existingPointIds(store, [...new Set(rest.map((c) => c.record.pointId))]);
  const known = rest.filter((candidate) => {
    if (points.has(candidate.record.pointId)) return true;
    // Answered under the id as sent, like a visit that fails the rules.
    results[candidate.index] = rejected(results[candidate.index]?.id ?? candidate.key, [
      { field: 'pointId', code: 'unknown-point', message: `"${candidate.record.pointId}" is not a known point` },
    ]);
    return false;
  });
  if (known.length === 0) return;

  for (let attempt = 1; ; attempt++) {
    try {
      const decided = await store.transaction((tx) => writeBatch(tx, deviceId, known, now));
      for (const candidate of known) results[candidate.index] = decided.get(candidate.index) as SyncResult;
      return;
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
    }
  }
}

/** Another push inserting the same new ids, or PostgreSQL breaking a deadlock between two pushes. */
const isRetryable = (error: unknown): boolean => error instanceof ConcurrentInsert || isDeadlock(error);

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
