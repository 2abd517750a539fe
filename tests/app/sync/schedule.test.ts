import { describe, expect, it } from 'vitest';
import { backoffDelay, retryAfterDelay } from '../../../src/app/sync/backoff.ts';
import type { DrainReport } from '../../../src/app/sync/engine.ts';
import { HEARTBEAT_MS, WRITE_DELAY_MS } from '../../../src/app/sync/policy.ts';
import { createSyncScheduler } from '../../../src/app/sync/scheduler.ts';
import { logVisits, setUpTablet, type Tablet } from './tablet.ts';

function schedule(tablet: Tablet, random = () => 0.5) {
  const reports: DrainReport[] = [];
  const engine = tablet.engine({ random });
  const scheduler = createSyncScheduler({ engine, now: tablet.time.now, timers: tablet.time, onReport: (r) => reports.push(r) });
  /** Lets the next planned moment come, and the drain it starts finish. */
  const nextMoment = async () => {
    await tablet.time.runNext();
    await scheduler.settled();
  };
  return { scheduler, reports, nextMoment };
}

describe('when the tablet tries again', () => {
  it('backs off exponentially from 1 s, doubling, capped at 5 min, with full jitter', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 40].map((n) => backoffDelay(n, half))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 150_000, 150_000, 150_000,
    ]);
    expect(backoffDelay(3, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.999)).toBe(3_996);
    expect(backoffDelay(12, () => 0.999)).toBe(299_700);
  });

  it('reads Retry-After as seconds or as an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterDelay('30', now)).toBe(30_000);
    expect(retryAfterDelay('Sun, 22 Nov 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterDelay('soon', now)).toBeNull();
    expect(retryAfterDelay(null, now)).toBeNull();
  });

  it('keeps retrying an unreachable city on the back-off schedule, never dropping the visits', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 2);
    tablet.city.offline = true;
    const { scheduler, nextMoment } = schedule(tablet);
    scheduler.trigger('start');
    const waits: (number | null)[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      await nextMoment();
      waits.push(tablet.time.nextDelay());
    }
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 150_000, 150_000, 150_000]);
    expect(await tablet.db.visits.count()).toBe(2);

    tablet.city.offline = false;
    await nextMoment();
    expect(tablet.city.rows.size).toBe(2);
    expect(tablet.time.nextDelay()).toBe(HEARTBEAT_MS);
    scheduler.stop();
  });

  it('sends a few seconds after a write, gathering a burst of taps into one request', async () => {
    const tablet = await setUpTablet();
    const { scheduler, nextMoment } = schedule(tablet);
    await logVisits(tablet, 1);
    scheduler.trigger('write');
    await tablet.time.advance(1_000);
    await logVisits(tablet, 1);
    scheduler.trigger('write');
    expect(tablet.time.nextDelay()).toBe(WRITE_DELAY_MS - 1_000);
    await nextMoment();
    expect(tablet.city.syncCalls.map((c) => c.visits.length)).toEqual([2]);
    scheduler.stop();
  });

  it('lets a write wait out the back-off, but tries at once when the network comes back or the host asks', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    tablet.city.offline = true;
    const { scheduler, nextMoment } = schedule(tablet, () => 0.99);
    scheduler.trigger('start');
    for (let i = 0; i < 6; i++) await nextMoment();
    const backoff = tablet.time.nextDelay() ?? 0;
    expect(backoff).toBeGreaterThan(WRITE_DELAY_MS);

    scheduler.trigger('write');
    expect(tablet.time.nextDelay()).toBe(backoff);

    tablet.city.offline = false;
    scheduler.trigger('online');
    expect(tablet.time.nextDelay()).toBe(0);
    await nextMoment();
    expect(tablet.city.rows.size).toBe(1);
    scheduler.stop();
  });

  it('holds to the city’s Retry-After even when the host presses "Sync now"', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    tablet.city.next({ kind: 'respond', status: 503, body: '', headers: { 'retry-after': '90' } });
    const { scheduler, nextMoment } = schedule(tablet);
    scheduler.trigger('manual');
    await nextMoment();
    expect(tablet.time.nextDelay()).toBe(90_000);

    await tablet.time.advance(10_000);
    scheduler.trigger('manual');
    scheduler.trigger('visible');
    expect(tablet.time.nextDelay()).toBe(80_000);
    await nextMoment();
    expect(tablet.city.rows.size).toBe(1);
    scheduler.stop();
  });

  it('sends a heartbeat at most every few minutes while idle, with the pending count', async () => {
    const tablet = await setUpTablet();
    const { scheduler, nextMoment } = schedule(tablet);
    scheduler.trigger('start');
    await nextMoment();
    scheduler.trigger('visible');
    await nextMoment();
    expect(tablet.city.syncCalls).toHaveLength(1);

    expect(tablet.time.nextDelay()).toBe(HEARTBEAT_MS);
    await nextMoment();
    expect(tablet.city.syncCalls).toEqual([
      { visits: [], client: { appVersion: '1.4.0', pending: 0, oldestPendingAt: null }, gzip: false },
      { visits: [], client: { appVersion: '1.4.0', pending: 0, oldestPendingAt: null }, gzip: false },
    ]);
    scheduler.stop();
  });

  it('after a 401 sends nothing more, and resumes by itself once the tablet is paired again', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 2);
    const pairing = await tablet.settings.get('pairing');
    if (!pairing) throw new Error('paired tablet expected');
    tablet.city.revoke(pairing.token);
    const { scheduler, reports, nextMoment } = schedule(tablet);
    scheduler.trigger('start');
    for (let i = 0; i < 5; i++) await nextMoment();
    expect(reports.map((r) => r.outcome)).toEqual(['revoked', 'revoked', 'revoked', 'revoked', 'revoked']);
    expect(tablet.city.syncCalls).toHaveLength(0);

    await tablet.settings.set('pairing', { ...pairing, token: 'new-token' });
    await tablet.settings.set('pairingRevoked', false);
    tablet.city.pair(pairing.deviceId, 'new-token');
    await nextMoment();
    expect(reports.at(-1)?.outcome).toBe('done');
    expect(tablet.city.rows.size).toBe(2);
    scheduler.stop();
  });
});
