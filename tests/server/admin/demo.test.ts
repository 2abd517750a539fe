/**
 * `npm run demo`'s loader: a coordinator who runs it sees a year of visits
 * up to today and can sign in with the printed password; running it again
 * the same day changes nothing, a day later moves the year along, and real
 * tablets' visits are never touched.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../src/server/admin/demo.ts';
import { verifyPassword } from '../../../src/server/security/passwords.ts';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { findCoordinator } from '../../../src/server/store/access.ts';
import { listDevices } from '../../../src/server/store/devices.ts';
import { CHEAP_SCRYPT } from '../helpers/app.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';

const random = (size: number) => randomBytes(size);
// Each test writes a year of visits, one removes one too: on a busy machine PGlite needs more than the suite's 30 s.
const SLOW = { timeout: 120_000 };
const options = (now: string) => ({
  now: new Date(now),
  random,
  passwordCost: CHEAP_SCRYPT,
  visits: 1_200,
  seed: 5,
  appVersion: '1.2.3',
});

describe.each(STORE_KINDS)('the demo on the %s store', (kind) => {
  it('loads a year of visits ending today and a demo coordinator who can sign in', SLOW, async () => {
    const store = await freshStore(kind);
    const result = await seedDemo(store, options('2026-11-23T10:00:00+01:00'));
    expect(result).toMatchObject({ from: '2025-11-23', to: '2026-11-23', inserted: 1_200, removed: 0, username: 'demo' });

    const year = await getStats(store, { from: result.from, to: result.to });
    expect(year.totals.visits).toBeGreaterThan(1_150); // a few demo visits are deletions
    // A small sample leaves the smallest points empty; the demo's 24,000 visits reach all 22.
    expect(year.byPoint.length).toBeGreaterThan(15);
    const thisMonth = await getStats(store, { from: '2026-11-01', to: '2026-11-23' });
    expect(thisMonth.totals.visits).toBeGreaterThan(0);

    const account = await findCoordinator(store, 'demo');
    expect(account && (await verifyPassword(result.password, account.passwordHash))).toBe(true);

    // Each point's demo tablet was last heard from at its latest visit before now.
    const tablets = await listDevices(store);
    expect(tablets).toHaveLength(22);
    const used = tablets.filter((tablet) => tablet.lastSeenAt !== null);
    expect(used).toHaveLength(year.byPoint.length);
    for (const tablet of used) {
      expect(tablet).toMatchObject({ pending: 0, appVersion: '1.2.3', revokedAt: null });
      expect(tablet.lastPointId).toBeTruthy();
      expect(Date.parse(tablet.lastSeenAt ?? '')).toBeLessThanOrEqual(Date.parse('2026-11-23T10:00:00+01:00'));
    }
  });

  it('adds nothing when run again the same day, but gives the coordinator a new password', SLOW, async () => {
    const store = await freshStore(kind);
    const first = await seedDemo(store, options('2026-11-23T10:00:00+01:00'));
    const before = await getStats(store, { from: first.from, to: first.to });
    const again = await seedDemo(store, options('2026-11-23T17:00:00+01:00'));
    expect(again).toMatchObject({ inserted: 0, removed: 0 });
    expect(await getStats(store, { from: first.from, to: first.to })).toEqual(before);
    const account = await findCoordinator(store, 'demo');
    expect(account && (await verifyPassword(first.password, account.passwordHash))).toBe(false);
    expect(account && (await verifyPassword(again.password, account.passwordHash))).toBe(true);
  });

  it('moves the year along a day later without counting anything twice, and leaves real visits alone', {
    timeout: 120_000,
  }, async () => {
    const store = await freshStore(kind);
    await seedDemo(store, options('2026-11-23T10:00:00+01:00'));
    await store.query("INSERT INTO devices (id, label, token_hash) VALUES ('real-tablet', 'Balie', 'hash')");
    await store.query(
      `INSERT INTO visits (id, device_id, rev, point_id, kind, arrived_at, deleted, record)
       VALUES ('019370c2-7a1e-7c4b-9d1e-4c2b8f1a0e55', 'real-tablet', 1, 'marta', 'question', '2026-11-20T10:00:00+01:00', false, '{}')`,
    );

    const later = await seedDemo(store, options('2026-11-24T10:00:00+01:00'));
    expect(later).toMatchObject({ from: '2025-11-24', to: '2026-11-24', removed: 1_200, inserted: 1_200 });
    const [left] = await store.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM visits WHERE device_id = 'real-tablet'",
    );
    expect(left?.count).toBe(1);

    // The roll-ups hold exactly the new year: nothing before it, and as many visits as are stored.
    const before = await getStats(store, { from: '2025-11-01', to: '2025-11-23' });
    expect(before.totals.visits).toBe(0);
    const year = await getStats(store, { from: later.from, to: later.to });
    const [stored] = await store.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM visits WHERE device_id <> 'real-tablet' AND NOT deleted",
    );
    expect(year.totals.visits).toBe(stored?.count);
  });
});
