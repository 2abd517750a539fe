import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, OWASP_SCRYPT, verifyPassword } from '../../../src/server/security/passwords.ts';
import { issueSetupCode } from '../../../src/server/setup.ts';
import { API } from '../../../src/shared/protocol.ts';
import { json, PASSWORD, signIn, type TestServer, testServer } from '../helpers/app.ts';
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

const login = (s: TestServer, username: string, password: string, remoteAddress = '127.0.0.1') =>
  s.app.inject({ method: 'POST', url: `${API}/session`, payload: { username, password }, remoteAddress });
const whoAmI = (s: TestServer, cookie: string) => s.app.inject({ method: 'GET', url: `${API}/session`, headers: { cookie } });
const random = (n: number) => randomBytes(n);

describe('coordinator passwords', () => {
  it("are hashed with scrypt at OWASP's cost by default, salted, and verified", async () => {
    const hash = await hashPassword(PASSWORD, random);
    expect(hash.startsWith(`scrypt$${OWASP_SCRYPT.N}$8$1$`)).toBe(true);
    expect(hash).not.toBe(await hashPassword(PASSWORD, random));
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, hash)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'md5$whatever')).toBe(false);
  });
});

describe.each(STORE_KINDS)('a coordinator signing in (%s)', (kind) => {
  it('gets an HttpOnly SameSite=Strict session cookie, which the server knows only by its hash', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    const response = await login(s, 'griet', PASSWORD);
    const set = String(response.headers['set-cookie']);
    expect(set).toMatch(/^digibank_session=/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Secure/); // http://127.0.0.1: a browser would drop a Secure cookie
    const sessionId = cookie.split('=')[1] ?? '';
    expect(JSON.stringify(await s.store.query('SELECT * FROM sessions'))).not.toContain(sessionId);
    expect(json(await whoAmI(s, cookie))).toEqual({ username: 'griet' });
  });

  it('uses a Secure __Host- cookie when the server is published over https', async () => {
    const s = await server(kind, { publicOrigin: 'https://checkin.mechelen.be' });
    await signIn(s);
    const set = String((await login(s, 'griet', PASSWORD)).headers['set-cookie']);
    expect(set).toMatch(/^__Host-digibank_session=/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/Path=\//);
    expect(set).not.toMatch(/Domain=/);
  });

  it('answers an unknown username and a wrong password with the same 401', async () => {
    const s = await server(kind);
    await signIn(s);
    const wrongPassword = await login(s, 'griet', 'not the password at all');
    const unknownUser = await login(s, 'nobody', PASSWORD);
    expect([wrongPassword.statusCode, unknownUser.statusCode]).toEqual([401, 401]);
    expect(wrongPassword.body).toBe(unknownUser.body);
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it('stops an address after repeated failed sign-ins, but not after successful ones', async () => {
    const s = await server(kind, { loginLimit: { max: 2, windowMs: 60_000 } });
    await signIn(s);
    for (let session = 0; session < 4; session++) expect((await login(s, 'griet', PASSWORD, '10.1.1.1')).statusCode).toBe(204);
    await login(s, 'griet', 'guess number one', '10.1.1.1');
    await login(s, 'griet', 'guess number two', '10.1.1.1');
    const limited = await login(s, 'griet', PASSWORD, '10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(s, 'griet', PASSWORD, '10.1.1.2')).statusCode).toBe(204);
  });

  it('ends the session on the server when signing out', async () => {
    const s = await server(kind);
    const cookie = await signIn(s);
    // A client that always sends a JSON content type, even without a body, is understood.
    const out = await s.app.inject({
      method: 'DELETE',
      url: `${API}/session`,
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/digibank_session=;/);
    expect((await whoAmI(s, cookie)).statusCode).toBe(401);
    expect(await s.store.query('SELECT * FROM sessions')).toEqual([]);
  });

  it('ends a session left idle too long, and any session past its absolute lifetime', async () => {
    const s = await server(kind, { session: { idleMs: 30 * 60_000, absoluteMs: 60 * 60_000 } });
    const idle = await signIn(s);
    s.clock.advance(30 * 60_000 + 1);
    expect((await whoAmI(s, idle)).statusCode).toBe(401);

    const busy = await signIn(s, 'jan');
    for (let minutes = 0; minutes < 60; minutes += 20) {
      expect((await whoAmI(s, busy)).statusCode).toBe(200);
      s.clock.advance(20 * 60_000);
    }
    expect((await whoAmI(s, busy)).statusCode).toBe(401);
  });
});

describe.each(STORE_KINDS)('the first coordinator (%s)', (kind) => {
  it('is made with the one-time setup code the server printed, and signed in at once', async () => {
    const s = await server(kind);
    expect(json(await s.app.inject({ method: 'GET', url: `${API}/setup` }))).toEqual({ setupNeeded: true });
    const code = await issueSetupCode(s.store, random, s.clock.now(), 3_600_000);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const wrong = await s.app.inject({
      method: 'POST',
      url: `${API}/setup`,
      payload: { setupCode: 'AAAA-BBBB-CCCC', username: 'griet', password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(400);
    const short = await s.app.inject({
      method: 'POST',
      url: `${API}/setup`,
      payload: { setupCode: code, username: 'griet', password: 'too short' },
    });
    expect(short.statusCode).toBe(400);

    const made = await s.app.inject({
      method: 'POST',
      url: `${API}/setup`,
      payload: { setupCode: code?.toLowerCase(), username: 'Griet', password: PASSWORD },
    });
    expect(made.statusCode).toBe(201);
    expect(json(made)).toEqual({ username: 'griet' });
    const cookie = made.cookies[0];
    expect(json(await whoAmI(s, `${cookie?.name}=${cookie?.value}`))).toEqual({ username: 'griet' });
    expect(json(await s.app.inject({ method: 'GET', url: `${API}/setup` }))).toEqual({ setupNeeded: false });

    const again = await s.app.inject({
      method: 'POST',
      url: `${API}/setup`,
      payload: { setupCode: code, username: 'mallory', password: PASSWORD },
    });
    expect(again.statusCode).toBe(409);
  });

  it('has no setup code once a coordinator exists', async () => {
    const s = await server(kind);
    await signIn(s);
    expect(await issueSetupCode(s.store, random, s.clock.now(), 3_600_000)).toBeNull();
  });

  it('cannot be made with a setup code after the CLI made an account', async () => {
    const s = await server(kind);
    const code = await issueSetupCode(s.store, random, s.clock.now(), 3_600_000);
    await signIn(s); // the CLI's create-coordinator does the same
    const late = await s.app.inject({
      method: 'POST',
      url: `${API}/setup`,
      payload: { setupCode: code, username: 'mallory', password: PASSWORD },
    });
    expect(late.statusCode).toBe(409);
  });
});
