import { describe, expect, it } from 'vitest';
import { SYNC_TIMEOUT_MS } from '../../../src/app/sync/policy.ts';
import { logVisits, setUpTablet, type Tablet, TOKEN } from './tablet.ts';

const unsynced = async (tablet: Tablet) => (await tablet.db.visits.toArray()).filter((v) => v.pending === 1).length;

describe('a library wifi that drops, lies and stalls', () => {
  it('counts a 200 with a captive portal page as a failed attempt and marks nothing', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 4);
    tablet.city.next({
      kind: 'respond',
      status: 200,
      body: '<!doctype html><title>Welkom bij Bib Mechelen wifi</title><form>Accepteer de voorwaarden</form>',
      headers: { 'content-type': 'text/html' },
    });
    const report = await tablet.engine().drain();

    expect(report).toMatchObject({ outcome: 'failed', reason: 'answer is not JSON' });
    expect(await unsynced(tablet)).toBe(4);
  });

  it('counts a truncated JSON answer as a failed attempt, though the city stored the visits', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 4);
    tablet.city.next({ kind: 'truncate', bytes: 120 });
    const engine = tablet.engine();

    expect(await engine.drain()).toMatchObject({ outcome: 'failed' });
    expect(await unsynced(tablet)).toBe(4);
    expect(tablet.city.rows.size).toBe(4);
    // The retry is answered `unchanged`, and only then do the visits count as synced.
    expect((await engine.drain()).outcome).toBe('done');
    expect(await unsynced(tablet)).toBe(0);
  });

  it('distrusts answers that are JSON but not one result per visit, in order', async () => {
    const tablet = await setUpTablet();
    const [a, b] = await logVisits(tablet, 2);
    const answers = [
      '[]',
      '{"error":"proxy says no"}',
      JSON.stringify({ results: [{ id: a?.id, status: 'applied' }], serverTime: '2026-11-22T10:00:00Z' }),
      JSON.stringify({
        results: [
          { id: b?.id, status: 'applied' },
          { id: a?.id, status: 'applied' },
        ],
      }),
      JSON.stringify({
        results: [
          { id: a?.id, status: 'applied' },
          { id: b?.id, status: 'saved' },
        ],
      }),
    ];
    const engine = tablet.engine();
    for (const body of answers) {
      tablet.city.next({ kind: 'respond', status: 200, body });
      expect((await engine.drain()).outcome).toBe('failed');
    }
    expect(await unsynced(tablet)).toBe(2);
  });

  it('gives up on a request that hangs, and keeps the visits', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 2);
    tablet.city.next({ kind: 'hang' });
    const requestSent = tablet.city.requestArrives();
    const draining = tablet.engine().drain();
    await requestSent;
    await tablet.time.advance(SYNC_TIMEOUT_MS);

    expect(await draining).toMatchObject({ outcome: 'failed', reason: 'timeout' });
    expect(await unsynced(tablet)).toBe(2);
  });

  it('treats a dropped connection and a 500 as failures, retrying the same visits', async () => {
    const tablet = await setUpTablet();
    const visits = await logVisits(tablet, 3);
    tablet.city.next({ kind: 'drop' }, { kind: 'respond', status: 500, body: 'Internal Server Error' });
    const engine = tablet.engine();

    expect(await engine.drain()).toMatchObject({ outcome: 'failed', reason: 'network' });
    expect(await engine.drain()).toMatchObject({ outcome: 'failed', reason: 'status 500' });
    expect((await engine.drain()).outcome).toBe('done');
    expect([...tablet.city.rows.keys()]).toEqual(visits.map((v) => v.id));
  });

  it('checks /healthz before resending after a failure, and does not upload into a portal', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 3);
    const engine = tablet.engine();
    tablet.city.next({ kind: 'drop' });
    await engine.drain();
    expect(tablet.city.healthChecks).toHaveLength(0);

    tablet.city.nextHealth({ kind: 'respond', status: 200, body: '<html>Log in to the hotspot</html>' });
    expect(await engine.drain()).toMatchObject({ outcome: 'failed', reason: 'city unreachable' });
    expect(tablet.city.syncCalls).toHaveLength(0);

    expect((await engine.drain()).outcome).toBe('done');
    expect(tablet.city.healthChecks).toHaveLength(1);
    expect(tablet.city.rows.size).toBe(3);
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    const engine = tablet.engine();
    const start = tablet.time.now();
    tablet.city.next({ kind: 'respond', status: 429, body: '', headers: { 'retry-after': '120' } });
    expect(await engine.drain()).toEqual({ outcome: 'deferred', retryAt: start + 120_000 });

    const later = new Date(start + 30_000).toUTCString();
    tablet.city.next({ kind: 'respond', status: 503, body: '', headers: { 'retry-after': later } });
    expect(await engine.drain()).toEqual({ outcome: 'deferred', retryAt: start + 30_000 });
    expect(await unsynced(tablet)).toBe(1);
  });

  it('on 401 stops, keeps every visit and asks for pairing again; a new pairing resumes with the same visits', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 3);
    tablet.city.revoke(TOKEN);
    const engine = tablet.engine();

    expect(await engine.drain()).toEqual({ outcome: 'revoked' });
    expect(await tablet.settings.get('pairingRevoked')).toBe(true);
    expect(await tablet.db.visits.count()).toBe(3);
    expect(await engine.drain()).toEqual({ outcome: 'revoked' });
    expect(tablet.city.syncCalls).toHaveLength(0);

    // The coordinator hands out a new code; the setup screen pairs again (same installId, same device).
    const pairing = await tablet.settings.get('pairing');
    if (!pairing) throw new Error('the pairing stays');
    await tablet.settings.set('pairing', { ...pairing, token: 'token-after-pairing-again' });
    await tablet.settings.set('pairingRevoked', false);
    tablet.city.pair(pairing.deviceId, 'token-after-pairing-again');

    expect((await engine.drain()).outcome).toBe('done');
    expect(tablet.city.rows.size).toBe(3);
  });

  it('does not revoke a pairing made while the rejected request was in flight', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    tablet.city.revoke(TOKEN);
    const pairing = await tablet.settings.get('pairing');
    if (!pairing) throw new Error('paired tablet expected');
    const realFetch = tablet.city.fetch;
    const engine = tablet.engine({
      fetch: async (url, init) => {
        await tablet.settings.set('pairing', { ...pairing, token: 'fresh-token' });
        return realFetch(url, init);
      },
    });

    expect(await engine.drain()).toEqual({ outcome: 'revoked' });
    expect(await tablet.settings.get('pairingRevoked')).toBeUndefined();
  });

  it('compares status codes as numbers', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    const engine = tablet.engine({
      fetch: async () => ({ status: '401', text: async () => '', headers: new Headers() }) as unknown as Response,
    });
    expect(await engine.drain()).toEqual({ outcome: 'revoked' });
  });
});
