import { describe, expect, it } from 'vitest';
import { setUpTablet } from '../helpers/tablet.ts';

describe('pairing a tablet with a coordinator’s code', () => {
  it('sends the code however it was typed, stores the token, then fetches the points with it', async () => {
    const t = setUpTablet();
    const outcome = await t.tablet.pair({ code: ' abcd efgh ', label: 'Tablet balie' });
    expect(outcome).toMatchObject({ ok: true, pointsProblem: null });

    const [pair, config] = t.city.requests;
    expect(pair).toMatchObject({ method: 'POST', url: '/api/v1/devices/pair' });
    expect(pair?.body).toEqual({ code: 'ABCDEFGH', label: 'Tablet balie', installId: '0b7e4a52-52f1-4b8f-9d47-6a3c1f0e9d21' });
    expect(config).toMatchObject({ url: '/api/v1/config', authorization: 'Bearer token-1' });

    const state = await t.tablet.settings.load();
    expect(state.pairing).toMatchObject({ deviceId: 'device-1', token: 'token-1', label: 'Tablet balie' });
    expect(state.points.map((p) => p.id)).toEqual(['predikheren', 'den-abeel']);
    expect(state.pointId).toBeNull();
  });

  it('does not even ask the city for something that cannot be a code', async () => {
    const t = setUpTablet();
    expect(await t.tablet.pair({ code: 'ABC', label: 'x' })).toMatchObject({ ok: false, problem: 'malformed' });
    expect(t.city.requests).toEqual([]);
  });

  it('tells a refused code (bad, used or expired) from a city that cannot be reached', async () => {
    const t = setUpTablet();
    t.city.pairAnswer = 400;
    expect(await t.tablet.pair({ code: 'ABCD-EFGH', label: 'x' })).toMatchObject({ ok: false, problem: 'rejected' });
    t.city.pairAnswer = 'network';
    expect(await t.tablet.pair({ code: 'ABCD-EFGH', label: 'x' })).toMatchObject({ ok: false, problem: 'offline' });
    t.city.pairAnswer = 503;
    expect(await t.tablet.pair({ code: 'ABCD-EFGH', label: 'x' })).toMatchObject({ ok: false, problem: 'server' });
    expect((await t.tablet.settings.load()).pairing).toBeNull();
  });

  it('pairs again after the city revoked the tablet: same install (so the same device), new token, flag cleared', async () => {
    const t = setUpTablet();
    await t.tablet.pair({ code: 'ABCD-EFGH', label: 'Tablet balie' });
    await t.settings.set('pairingRevoked', true);
    const { installId } = await t.tablet.settings.load();

    const again = await t.tablet.pair({ code: 'HJKM-NPQR', label: 'Tablet balie' });
    expect(again.ok).toBe(true);
    const state = await t.tablet.settings.load();
    expect(state).toMatchObject({ installId, pairingRevoked: false, pairing: { token: 'token-2' } });
    const pairs = t.city.requests.filter((r) => r.url.endsWith('/pair'));
    expect(pairs.map((r) => (r.body as { installId: string }).installId)).toEqual([installId, installId]);
  });

  it('keeps the pairing when the points cannot be fetched right after, and fetches them later', async () => {
    const t = setUpTablet();
    const fetchCity = t.city.fetch;
    let configDown = true;
    t.city.fetch = (input, init) =>
      configDown && String(input).endsWith('/config') ? Promise.reject(new TypeError('offline')) : fetchCity(input, init);
    const outcome = await t.tablet.pair({ code: 'ABCD-EFGH', label: 'x' });
    expect(outcome).toMatchObject({ ok: true, pointsProblem: 'offline' });
    expect((await t.tablet.settings.load()).pairing?.token).toBe('token-1');

    configDown = false;
    expect(await t.tablet.refreshPoints()).toMatchObject({ ok: true });
    expect((await t.tablet.settings.load()).points).toHaveLength(2);
  });

  it('treats a captive portal’s page as no answer at all', async () => {
    const t = setUpTablet();
    t.city.fetch = async () => new Response('<html>Log in to the library wifi</html>', { status: 200 });
    expect(await t.tablet.pair({ code: 'ABCD-EFGH', label: 'x' })).toMatchObject({ ok: false, problem: 'offline' });
  });
});

describe('keeping the visits on the tablet', () => {
  it('asks the browser for persistent storage and remembers a refusal', async () => {
    const t = setUpTablet();
    t.persist.answer = false;
    expect(await t.tablet.askPersistentStorage()).toBe('refused');
    expect((await t.tablet.settings.load()).persistentStorage).toBe('refused');
  });
});
