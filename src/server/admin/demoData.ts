/**
 * Deterministic demo and benchmark data: N visits over a full year at the 22
 * demo points, with weekday and half-day peaks per point, quieter summer and
 * Christmas weeks and closed public holidays. The same seed and options give
 * the same visits, byte for byte. `demoVisitBatches` does no I/O;
 * `loadDemoData` writes the batches the fast way (one multi-row INSERT and one
 * roll-up upsert per batch, each batch one transaction).
 */
import type { VisitRecord } from '../../shared/visit.ts';
import { brusselsInstant } from '../store/brusselsTime.ts';
import { applyRollups, foldRollupSlots } from '../store/rollups.ts';
import type { Store } from '../store/sql.ts';
import { DEMO_POINTS, type DemoPoint, type Opening } from './demoPoints.ts';
import { demoVisit } from './demoVisit.ts';
import { type SeededRandom, seededRandom } from './seededRandom.ts';

export interface DemoOptions {
  seed: number;
  /** how many visits in all */
  visits: number;
  /** first local day, YYYY-MM-DD (default 2025-01-01) */
  from?: string;
  /** how many days (default 365) */
  days?: number;
  /** visits per batch (default 5,000) */
  batchSize?: number;
}

interface Cell {
  day: string;
  point: DemoPoint;
  opening: Opening;
  weight: number;
  count: number;
}

const DAY_MS = 86_400_000;
// Belgian public holidays on a fixed date: every point is closed.
const HOLIDAYS = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'];
// Mondays and Tuesdays are busiest (post and letters from the weekend), Saturdays quieter.
const WEEKDAY_FACTOR = [0, 1.2, 1.15, 1, 1, 0.95, 0.75, 0];

function seasonFactor(day: string): number {
  const monthDay = day.slice(5);
  if (HOLIDAYS.includes(monthDay)) return 0;
  if (monthDay >= '12-24' || monthDay <= '01-02') return 0.3;
  const month = Number(day.slice(5, 7));
  if (month === 7 || month === 8) return 0.6;
  if (month === 1 || month === 5 || month === 6) return 1.15; // tax returns, itsme renewals
  return 1;
}

/** Every opening half-day of the period with its share of the visits, counts allocated exactly. */
function openingCells(rng: SeededRandom, options: Required<Omit<DemoOptions, 'seed' | 'batchSize'>>): Cell[] {
  const cells: Cell[] = [];
  const start = Date.parse(`${options.from}T00:00:00Z`);
  for (let d = 0; d < options.days; d++) {
    const date = new Date(start + d * DAY_MS);
    const day = date.toISOString().slice(0, 10);
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    const season = seasonFactor(day);
    for (const point of DEMO_POINTS) {
      for (const opening of point.openings) {
        if (opening.weekday !== weekday) continue;
        const halfDay = opening.from < 12 ? 1.1 : 0.9;
        const weight =
          (point.weight / point.openings.length) * halfDay * (WEEKDAY_FACTOR[weekday] ?? 1) * season * (0.7 + 0.6 * rng.next());
        if (weight > 0) cells.push({ day, point, opening, weight, count: 0 });
      }
    }
  }
  // Largest remainder: the counts add up to exactly `visits`.
  const total = cells.reduce((sum, cell) => sum + cell.weight, 0);
  const shares = cells.map((cell) => (options.visits * cell.weight) / total);
  let given = 0;
  cells.forEach((cell, i) => {
    cell.count = Math.floor(shares[i] ?? 0);
    given += cell.count;
  });
  const byRemainder = cells.map((_, i) => i).sort((a, b) => ((shares[b] ?? 0) % 1) - ((shares[a] ?? 0) % 1) || a - b);
  for (let k = 0; k < options.visits - given; k++) {
    const cell = cells[byRemainder[k % byRemainder.length] ?? 0];
    if (cell) cell.count += 1;
  }
  return cells;
}

/** Arrival instants in one opening, sorted, crowding after the doors open. */
function arrivals(rng: SeededRandom, cell: Cell): number[] {
  const spanSeconds = (cell.opening.to - cell.opening.from) * 3600;
  const times: number[] = [];
  for (let i = 0; i < cell.count; i++) {
    const offset = Math.floor(rng.next() ** 1.6 * spanSeconds);
    times.push(brusselsInstant(cell.day, cell.opening.from, 0) + offset * 1000);
  }
  return times.sort((a, b) => a - b);
}

/** The demo visits in batches, day by day. No I/O: the same options give the same visits. */
export function* demoVisitBatches(options: DemoOptions): Generator<VisitRecord[]> {
  const rng = seededRandom(options.seed);
  const batchSize = options.batchSize ?? 5_000;
  const cells = openingCells(rng, { visits: options.visits, from: options.from ?? '2025-01-01', days: options.days ?? 365 });
  let batch: VisitRecord[] = [];
  for (const cell of cells) {
    for (const arrivedMs of arrivals(rng, cell)) {
      batch.push(demoVisit(rng, cell.point, arrivedMs));
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/** The tablet of each demo point: fixed ids, and no token (no one can sign in as one). */
export const demoDeviceId = (index: number): string => `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;

const INSERT_VISITS = `
INSERT INTO visits (id, device_id, rev, point_id, kind, arrived_at, deleted, record)
SELECT (r->>'id')::uuid, d.device_id, (r->>'rev')::int, r->>'pointId', r->>'kind',
       (r->>'arrivedAt')::timestamptz, (r->>'deleted')::boolean, r
  FROM jsonb_array_elements($1::jsonb) AS r
  JOIN jsonb_to_recordset($2::jsonb) AS d(point_id text, device_id text) ON d.point_id = r->>'pointId'
ON CONFLICT (id) DO NOTHING
RETURNING id::text AS id`;

/** Writes the points, their tablets and N demo visits with their roll-ups. Visits already there are left alone. */
export async function loadDemoData(store: Store, options: DemoOptions): Promise<{ inserted: number }> {
  const devices = DEMO_POINTS.map((point, index) => ({ point_id: point.id, device_id: demoDeviceId(index) }));
  await store.transaction(async (tx) => {
    for (const [index, point] of DEMO_POINTS.entries()) {
      await tx.query('INSERT INTO points (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [point.id, point.name]);
      await tx.query(
        "INSERT INTO devices (id, label, token_hash) VALUES ($1, $2, 'demo-without-token:' || $1) ON CONFLICT (id) DO NOTHING",
        [demoDeviceId(index), `Demo tablet ${point.name}`],
      );
    }
  });
  const deviceJson = JSON.stringify(devices);
  let inserted = 0;
  for (const batch of demoVisitBatches(options)) {
    await store.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(INSERT_VISITS, [JSON.stringify(batch), deviceJson]);
      const fresh = new Set(rows.map((row) => row.id));
      await applyRollups(
        tx,
        batch.filter((visit) => fresh.has(visit.id)).map((after) => ({ before: null, after })),
      );
      inserted += rows.length;
    });
  }
  await foldRollupSlots(store);
  return { inserted };
}
