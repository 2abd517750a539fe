/**
 * Someone guesses: 200 sign-ins with wrong passwords and 200 made-up pairing
 * codes, all at once from one address. After the first few every attempt is
 * throttled (429 with Retry-After), nothing fails with a 5xx, and meanwhile
 * the coordinator signs in, and a host pairs a tablet, from elsewhere. Both
 * directly and behind a reverse proxy (client address from X-Forwarded-For),
 * where a guesser who makes up X-Forwarded-For headers gains nothing unless
 * the server is told to trust them.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_CONFIG } from '../../../src/server/config.ts';
import { API, PAIRING_ALPHABET } from '../../../src/shared/protocol.ts';
import { auditPrivacy } from '../../helpers/privacyAudit.ts';
import { runSeed, seeded } from '../../helpers/seeded.ts';
import { LogCapture, newPairingCode, PASSWORD, signIn, type TestServer, testServer } from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

const ATTEMPTS = 200;
const GUESSER = '203.0.113.7';
const COORDINATOR = '198.51.100.20';
const HOST = '192.0.2.44';
const { max } = DEFAULT_APP_CONFIG.loginLimit;

let open: TestServer | undefined;
afterEach(async () => {
  await open?.app.close();
  open = undefined;
});

const random = seeded(runSeed(7_2026));
const wrongPassword = (i: number) => `guess-${i}-${randomBytes(4).toString('hex')}`;
const madeUpCode = () =>
  Array.from({ length: 8 }, () => PAIRING_ALPHABET[Math.floor(random() * PAIRING_ALPHABET.length)]).join('');

interface Outcome {
  statusCode: number;
  retryAfter: string | undefined;
  message: string;
}

function tally(outcomes: Outcome[]) {
  const by = (status: number) => outcomes.filter((o) => o.statusCode === status);
  return { refused: by(401).length + by(400).length, throttled: by(429), failed: outcomes.filter((o) => o.statusCode >= 500) };
}

describe.each(STORE_KINDS)('a burst of guesses from one address (%s)', (kind) => {
  it('throttles 200 wrong sign-ins and 200 made-up pairing codes while the coordinator and a host get in from elsewhere', async () => {
    const logs = new LogCapture();
    const server = await testServer(kind, { logger: { level: 'info', stream: logs } });
    open = server;
    const cookie = await signIn(server, 'griet');
    const attempt = (url: string, payload: Record<string, unknown>, remoteAddress: string) =>
      server.app.inject({ method: 'POST', url: `${API}${url}`, payload, remoteAddress }).then(
        (r): Outcome => ({
          statusCode: r.statusCode,
          retryAfter: r.headers['retry-after'] as string | undefined,
          message: r.json().message,
        }),
      );

    const passwords = Array.from({ length: ATTEMPTS }, (_, i) => wrongPassword(i));
    const codes = Array.from({ length: ATTEMPTS }, madeUpCode);
    const [signIns, pairings] = await Promise.all([
      Promise.all(passwords.map((password) => attempt('/session', { username: 'griet', password }, GUESSER))),
      Promise.all(codes.map((code) => attempt('/devices/pair', { code, label: 'Balie 9' }, GUESSER))),
    ]);

    for (const outcomes of [signIns, pairings]) {
      const { refused, throttled, failed } = tally(outcomes);
      expect(failed).toEqual([]);
      expect(refused).toBeLessThanOrEqual(max);
      expect(throttled.length).toBeGreaterThanOrEqual(ATTEMPTS - max);
      expect(throttled.every((o) => Number(o.retryAfter) > 0)).toBe(true);
    }
    // A wrong password and an unknown code each get one message, so a guesser learns nothing from it.
    expect(new Set(signIns.filter((o) => o.statusCode === 401).map((o) => o.message)).size).toBe(1);
    expect(new Set(pairings.filter((o) => o.statusCode === 400).map((o) => o.message)).size).toBe(1);

    // Meanwhile, from elsewhere: the coordinator signs in and a host pairs a tablet with a real code.
    const coordinator = await server.app.inject({
      method: 'POST',
      url: `${API}/session`,
      payload: { username: 'griet', password: PASSWORD },
      remoteAddress: COORDINATOR,
    });
    expect(coordinator.statusCode).toBe(204);
    const code = await newPairingCode(server, cookie);
    const host = await server.app.inject({
      method: 'POST',
      url: `${API}/devices/pair`,
      payload: { code, label: 'Balie 1' },
      remoteAddress: HOST,
    });
    expect(host.statusCode).toBe(201);
    // The guesser's address stays throttled, even with the right password.
    expect((await attempt('/session', { username: 'griet', password: PASSWORD }, GUESSER)).statusCode).toBe(429);

    const token = host.json().token as string;
    const session = String(coordinator.cookies[0]?.value);
    const findings = await auditPrivacy({
      store: server.store,
      logText: logs.text,
      secrets: [PASSWORD, token, session, code, ...passwords, ...codes],
      refusedNotes: [],
      clientAddresses: [GUESSER, COORDINATOR, HOST],
    });
    expect(findings).toEqual([]);
  });
});

describe('a burst of guesses through a reverse proxy', () => {
  /**
   * The proxy in front (nginx, Caddy) appends the address it saw to whatever
   * X-Forwarded-For the client sent, so only the last entry can be believed.
   */
  it('throttles by the address the proxy saw, whatever X-Forwarded-For the guesser makes up', async () => {
    const server = await testServer('pglite', { config: { trustProxy: true } });
    open = server;
    await signIn(server, 'griet');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const throughProxy = (client: string, claimed: string | null, password: string) =>
      fetch(`http://127.0.0.1:${port}${API}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': claimed ? `${claimed}, ${client}` : client },
        body: JSON.stringify({ username: 'griet', password }),
      }).then((r) => r.status);

    // Every guess claims another address; the proxy adds the real one.
    const guesses = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) => throughProxy(GUESSER, `10.0.${i % 250}.${i % 7}`, wrongPassword(i))),
    );
    expect(guesses.some((s) => s >= 500)).toBe(false);
    expect(guesses.filter((s) => s === 401).length).toBeLessThanOrEqual(max);
    expect(guesses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(ATTEMPTS - max);
    // The coordinator, behind the same proxy from another address, gets in.
    expect(await throughProxy(COORDINATOR, null, PASSWORD)).toBe(204);
  });

  it('without trusting a proxy, counts by the connection and ignores X-Forwarded-For', async () => {
    const server = await testServer('pglite', { config: { trustProxy: false } });
    open = server;
    await signIn(server, 'griet');
    const guesses = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        server.app.inject({
          method: 'POST',
          url: `${API}/session`,
          payload: { username: 'griet', password: wrongPassword(i) },
          headers: { 'x-forwarded-for': `10.0.${i % 250}.${i % 7}` },
          remoteAddress: GUESSER,
        }),
      ),
    );
    expect(guesses.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(ATTEMPTS - max);
  });
});
