/**
 * `npm run demo`'s loader: a year of seeded demo visits at the 22 demo points,
 * ending today, and a demo coordinator with a fresh password. Running it
 * again on the same day adds nothing; on a later day it moves the year
 * along (the old demo visits and their roll-ups are taken out first), so the
 * dashboard's "this week" and "this month" always show data. Visits from
 * real tablets are never touched: only the demo tablets' visits are.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import type { ScryptCost } from '../security/passwords.ts';
import { hashPassword } from '../security/passwords.ts';
import type { RandomSource } from '../security/secrets.ts';
import { addCoordinator } from '../setup.ts';
import { brusselsTime } from '../store/brusselsTime.ts';
import { RollupBatch } from '../store/rollupContributions.ts';
import { upsertRollupRows } from '../store/rollups.ts';
import type { Store } from '../store/sql.ts';
import { demoDeviceId, demoVisitBatches, loadDemoData } from './demoData.ts';
import { DEMO_POINTS } from './demoPoints.ts';

export const DEMO_USERNAME = 'demo';
export const DEMO_SEED = 2026;
/** About 90 a weekday across the city: a busy year for 22 Digibank points. */
export const DEMO_VISITS = 24_000;
const DAYS = 366;
const REMOVE_PAGE = 5_000;

export interface DemoSeedOptions {
  now: Date;
  random: RandomSource;
  passwordCost: ScryptCost;
  visits?: number;
  seed?: number;
  /** what the demo tablets report as their app version */
  appVersion?: string;
}

export interface DemoSeedResult {
  /** first and last local day of the demo year */
  from: string;
  to: string;
  inserted: number;
  /** demo visits of an earlier run taken out to move the year along */
  removed: number;
  username: string;
  password: string;
}

const DAY_MS = 86_400_000;
const DEMO_DEVICES = DEMO_POINTS.map((_, index) => demoDeviceId(index));

/** A password a person can type from the terminal: 4 groups of 4 letters and digits without look-alikes. */
function demoPassword(random: RandomSource): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const letters = [...random(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return letters.match(/.{4}/g)?.join('-') ?? letters;
}

/** Takes every demo-tablet visit out, with what it added to the roll-ups, page by page. */
async function removeDemoVisits(store: Store): Promise<number> {
  let removed = 0;
  for (;;) {
    const done = await store.transaction(async (tx) => {
      const rows = await tx.query<{ record: VisitRecord }>(
        'DELETE FROM visits WHERE id IN (SELECT id FROM visits WHERE device_id = ANY($1::text[]) LIMIT $2) RETURNING record',
        [DEMO_DEVICES, REMOVE_PAGE],
      );
      const batch = new RollupBatch();
      for (const row of rows) batch.add(row.record, -1);
      await upsertRollupRows(tx, batch.rows());
      removed += rows.length;
      return rows.length < REMOVE_PAGE;
    });
    if (done) return removed;
  }
}

/** The demo tablets look in use: last heard from at their point's latest visit (not after now), nothing waiting. */
async function demoTabletsSeen(store: Store, now: Date, appVersion: string | null): Promise<void> {
  await store.query(
    `UPDATE devices AS d
        SET last_seen_at = LEAST(v.last, $2::timestamptz), last_point_id = v.point_id, pending = 0,
            oldest_pending_at = NULL, app_version = COALESCE($3, d.app_version), paired_at = LEAST(d.paired_at, v.first)
       FROM (SELECT device_id, max(point_id) AS point_id, max(arrived_at) AS last, min(arrived_at) AS first
               FROM visits WHERE device_id = ANY($1::text[]) AND arrived_at <= $2::timestamptz GROUP BY device_id) AS v
      WHERE d.id = v.device_id`,
    [DEMO_DEVICES, now.toISOString(), appVersion],
  );
}

/** Sets the demo coordinator's password, making the account when it does not exist yet. */
async function demoCoordinator(store: Store, options: DemoSeedOptions): Promise<string> {
  const password = demoPassword(options.random);
  const made = await addCoordinator(store, { username: DEMO_USERNAME, password }, options.random, options.passwordCost);
  if (!made.ok) {
    const hash = await hashPassword(password, options.random, options.passwordCost);
    await store.query('UPDATE coordinators SET password_hash = $2 WHERE username = $1', [DEMO_USERNAME, hash]);
  }
  return password;
}

export async function seedDemo(store: Store, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const today = brusselsTime(options.now.getTime()).day;
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const demo = { seed: options.seed ?? DEMO_SEED, visits: options.visits ?? DEMO_VISITS, from, days: DAYS };

  // The same options make the same first visit: demo visits without it are of an earlier year.
  const first = demoVisitBatches(demo).next().value?.[0]?.id ?? '';
  const [stored] = await store.query<{ demo: number; current: boolean }>(
    `SELECT count(*)::int AS demo, EXISTS (SELECT 1 FROM visits WHERE id = $2::uuid) AS current
       FROM visits WHERE device_id = ANY($1::text[])`,
    [DEMO_DEVICES, first],
  );
  const removed = stored && stored.demo > 0 && !stored.current ? await removeDemoVisits(store) : 0;
  // This year's demo complete already (the same day): nothing to write. An interrupted load is completed.
  const complete = stored?.current === true && stored.demo === demo.visits;
  const { inserted } = complete ? { inserted: 0 } : await loadDemoData(store, demo);
  await demoTabletsSeen(store, options.now, options.appVersion ?? null);
  const password = await demoCoordinator(store, options);
  return { from, to: today, inserted, removed, username: DEMO_USERNAME, password };
}
