import { afterEach, describe, expect, it } from 'vitest';
import { API, PAIRING_ALPHABET } from '../../../src/shared/protocol.ts';
import {
  addPoint,
  aVisit,
  json,
  newPairingCode,
  pairTablet,
  signIn,
  statuses,
  sync,
  type TestServer,
  testServer,
} from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

let open: TestServer | undefined;
afterEach(async () => {
  await open?.app.close();
  open = undefined;
});

async function server(kind: (typeof STORE_KINDS)[number], config = {}) {
  open = await testServer(kind, { config });
  return open;
}

const pair = (s: TestServer, payload: Record<string, unknown>, remoteAddress = '127.0.0.1') =>
  s.app.inject({ method: 'POST', url: `${API}/devices/pair`, payload, remoteAddress });

describe.each(STORE_KINDS)('pairing a tablet (%s)', (kind) => {
  it('gives a coordinator an 8-character code valid 24 hours, which a tablet trades for a token once', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const response = await s.app.inject({ method: 'POST', url: `${API}/pairing-codes`, headers: { cookie } });
    expect(response.statusCode).toBe(201);
    const { code, expiresAt } = json<{ code: string; expiresAt: string }>(response);
    expect(code).toMatch(new RegExp(`^[${PAIRING_ALPHABET}]{8}$`));
    expect(expiresAt).toBe('2026-11-23T09:00:00.000Z');

    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const paired = await pair(s, { code: typed, label: 'Balie 1' });
    expect(paired.statusCode).toBe(201);
    const { deviceId, token } = json<{ deviceId: string; token: string }>(paired);
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);

    const config = await s.app.inject({ method: 'GET', url: `${API}/config`, headers: { authorization: `Bearer ${token}` } });
    expect(config.statusCode).toBe(200);
  });

  it('stores neither the token nor the code in the clear', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const code = await newPairingCode(s, cookie);
    const { token } = json<{ token: string }>(await pair(s, { code, label: 'Balie 1' }));
    const dump = JSON.stringify([
      await s.store.query('SELECT * FROM devices'),
      await s.store.query('SELECT * FROM pairing_codes'),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(code);
  });

  it('answers a mistyped, a used and an expired code with the same 400', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const used = await newPairingCode(s, cookie);
    expect((await pair(s, { code: used, label: 'a' })).statusCode).toBe(201);
    const expired = await newPairingCode(s, cookie);
    s.clock.advance(24 * 3_600_000 + 1);
    const answers = await Promise.all([
      pair(s, { code: used, label: 'b' }),
      pair(s, { code: expired, label: 'c' }),
      pair(s, { code: 'ABCD-EFGH', label: 'd' }),
      pair(s, { code: 'not a code at all', label: 'e' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400]);
    expect(new Set(answers.map((a) => json(a).message)).size).toBe(1);
  });

  it('stops an address after repeated wrong codes (429 with Retry-After) until the window passes', async () => {
    const s = await server(kind, { pairLimit: { max: 3, windowMs: 60_000 } });
    const code = await newPairingCode(s, await signIn(s));
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await pair(s, { code: 'ABCDEFGH', label: 'x' }, '10.0.0.7')).statusCode).toBe(400);
    }
    const limited = await pair(s, { code, label: 'x' }, '10.0.0.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await pair(s, { code: 'ABCDEFGH', label: 'x' }, '10.0.0.8')).statusCode).toBe(400);
    s.clock.advance(60_000);
    expect((await pair(s, { code, label: 'x' }, '10.0.0.7')).statusCode).toBe(201);
  });

  it('never slows down a coordinator pairing a whole fleet from one address', async () => {
    const s = await server(kind, { pairLimit: { max: 3, windowMs: 60_000 } });
    const cookie = await signIn(s);
    for (let tablet = 0; tablet < 6; tablet++) {
      const code = await newPairingCode(s, cookie);
      expect((await pair(s, { code, label: `Balie ${tablet}` }, '10.0.0.9')).statusCode).toBe(201);
    }
  });

  it('keeps the deviceId when a tablet pairs again with its installId, and revokes the old token', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    await addPoint(s, cookie);
    const installId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const first = await pairTablet(s, cookie, 'Balie 1', installId);
    const visit = aVisit();
    await sync(s, first, [visit]);
    const again = await pairTablet(s, cookie, 'Balie 1 (nieuw)', installId);
    expect(again.deviceId).toBe(first.deviceId);
    expect(again.token).not.toBe(first.token);
    expect((await sync(s, first, [])).statusCode).toBe(401);
    expect(statuses(await sync(s, again, [{ ...visit, rev: 2, people: 2 }]))).toEqual(['applied']);
  });

  it('refuses a pairing body with unknown members, a bad installId or a NUL in the label, and keeps the code', async () => {
    const s = await server(kind);
    const code = await newPairingCode(s, await signIn(s));
    const refused = [
      await pair(s, { code, label: 'x', admin: true }),
      await pair(s, { code, label: 'x', installId: "1'; DROP TABLE devices;--" }),
      await pair(s, { code, label: 'tab\u0000let' }),
      await pair(s, { code, label: '' }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400, 400, 400]);
    expect((await pair(s, { code, label: 'Balie 1' })).statusCode).toBe(201);
  });
});

describe.each(STORE_KINDS)('who may call what (%s)', (kind) => {
  it('refuses device routes without a token, with an unknown token and with a revoked one', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const tablet = await pairTablet(s, cookie);
    const call = (headers: Record<string, string>) => s.app.inject({ method: 'GET', url: `${API}/config`, headers });
    expect((await call({})).statusCode).toBe(401);
    expect((await call({ authorization: 'Bearer not-a-real-token-at-all' })).statusCode).toBe(401);
    expect((await call({ authorization: 'Basic Z3JpZXQ6eA==' })).statusCode).toBe(401);
    expect((await call(tablet.auth)).statusCode).toBe(200);
    const revoke = await s.app.inject({ method: 'DELETE', url: `${API}/devices/${tablet.deviceId}`, headers: { cookie } });
    expect(revoke.statusCode).toBe(204);
    expect((await call(tablet.auth)).statusCode).toBe(401);
    expect((await sync(s, tablet, [])).statusCode).toBe(401);
  });

  it.each([
    ['GET', '/points'],
    ['POST', '/points'],
    ['PATCH', '/points/predikheren'],
    ['POST', '/pairing-codes'],
    ['GET', '/devices'],
    ['DELETE', '/devices/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
    ['POST', '/import'],
    ['DELETE', '/session'],
    ['GET', '/session'],
    ['GET', '/stats?from=2026-01-01&to=2026-03-31'],
    ['GET', '/export.csv?from=2026-01-01&to=2026-03-31'],
    ['GET', '/export/open-data.csv?from=2026-01-01&to=2026-03-31'],
  ] as const)('refuses coordinator route %s %s without a session, or with a device token', async (method, path) => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const tablet = await pairTablet(s, cookie);
    const url = `${API}${path}`;
    expect((await s.app.inject({ method, url, payload: {} })).statusCode).toBe(401);
    expect((await s.app.inject({ method, url, headers: tablet.auth, payload: {} })).statusCode).toBe(401);
    expect((await s.app.inject({ method, url, headers: { cookie: 'digibank_session=forged' }, payload: {} })).statusCode).toBe(
      401,
    );
  });

  it('answers 404 when revoking a device that does not exist, 400 for an id that cannot be one', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const missing = await s.app.inject({
      method: 'DELETE',
      url: `${API}/devices/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b`,
      headers: { cookie },
    });
    expect(missing.statusCode).toBe(404);
    const nonsense = await s.app.inject({ method: 'DELETE', url: `${API}/devices/..%2F..%2Fetc`, headers: { cookie } });
    expect(nonsense.statusCode).toBe(400);
  });
});
