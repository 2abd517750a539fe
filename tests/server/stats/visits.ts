/**
 * Writes visits the way the server does: the row in `visits` and its roll-ups
 * in one transaction, with the stored version as `before`.
 */
import { applyRollups, type RollupChange } from '../../../src/server/store/rollups.ts';
import type { Sql, Store } from '../../../src/server/store/sql.ts';
import type { VisitRecord, WireVisit } from '../../../src/shared/visit.ts';
import { checkVisit } from '../../../src/shared/visitRules.ts';

let counter = 0;

/** A valid visit record: defaults filled in, checked with the shared rules. */
export function visit(fields: Partial<WireVisit> & Pick<WireVisit, 'pointId' | 'arrivedAt'>): VisitRecord {
  counter += 1;
  const wire: WireVisit = {
    id: `01937000-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    rev: 1,
    kind: 'question',
    createdAt: fields.arrivedAt,
    updatedAt: fields.arrivedAt,
    ...fields,
  };
  const checked = checkVisit(wire, Date.parse('2030-01-01T00:00:00Z'));
  if (!checked.ok) throw new Error(`test visit is invalid: ${JSON.stringify(checked.errors)}`);
  return checked.visit;
}

/** The next revision of a visit with some fields changed. */
export function edited(record: VisitRecord, fields: Partial<VisitRecord>): VisitRecord {
  return { ...record, ...fields, rev: record.rev + 1 };
}

export async function addPoints(store: Store, points: Record<string, string>): Promise<void> {
  for (const [id, name] of Object.entries(points)) {
    await store.query('INSERT INTO points (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name]);
  }
}

async function ensureDevice(tx: Sql, deviceId: string): Promise<void> {
  await tx.query("INSERT INTO devices (id, label, token_hash) VALUES ($1, $1, 'hash-' || $1) ON CONFLICT (id) DO NOTHING", [
    deviceId,
  ]);
}

/** Stores each record (new or a newer rev) and updates the roll-ups, all in one transaction. */
export async function writeVisits(store: Store, records: readonly VisitRecord[], deviceId = 'tablet-1'): Promise<void> {
  await store.transaction(async (tx) => {
    await ensureDevice(tx, deviceId);
    const changes: RollupChange[] = [];
    for (const record of records) {
      const [stored] = await tx.query<{ record: VisitRecord }>('SELECT record FROM visits WHERE id = $1', [record.id]);
      await tx.query(
        `INSERT INTO visits (id, device_id, rev, point_id, kind, arrived_at, deleted, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET rev = EXCLUDED.rev, point_id = EXCLUDED.point_id, kind = EXCLUDED.kind,
           arrived_at = EXCLUDED.arrived_at, deleted = EXCLUDED.deleted, record = EXCLUDED.record`,
        [record.id, deviceId, record.rev, record.pointId, record.kind, record.arrivedAt, record.deleted, JSON.stringify(record)],
      );
      changes.push({ before: stored?.record ?? null, after: record });
    }
    await applyRollups(tx, changes);
  });
}
