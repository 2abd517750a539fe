/**
 * Who may call what, over every route in the city endpoint's own route table
 * (so a route added later is covered without anyone listing it here): no
 * token, a malformed, unknown or revoked token, a device token on coordinator
 * routes, a coordinator session on device routes, no session, a forged,
 * ended or expired session. Each is refused with 401/403/404, changes
 * nothing in the database and says nothing about anyone's data. With the
 * right credential the same requests get through, so the refusals are real.
 * A visit of another tablet is refused as `forbidden` and stays as it was.
 */
import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/protocol.ts';
import { dumpDatabase } from '../../helpers/privacyAudit.ts';
import { type Auth, type Route, routeTable } from '../../helpers/routeTable.ts';
import {
  aVisit,
  json,
  pairTablet,
  readyToSync,
  type SyncAnswer,
  signIn,
  sync,
  type Tablet,
  type TestServer,
} from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

const IDLE_MS = 2 * 3_600_000;
let open: TestServer | undefined;
afterEach(async () => {
  await open?.app.close();
  open = undefined;
});

type Method = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

interface City extends TestServer {
  cookie: string;
  tablet: Tablet;
  visitId: string;
}

/** A city with a coordinator, a point, a paired tablet and one visit of that tablet. */
async function city(kind: (typeof STORE_KINDS)[number]): Promise<City> {
  const server = await readyToSync(kind);
  open = server;
  const visit = aVisit();
  expect((await sync(server, server.tablet, [visit])).statusCode).toBe(200);
  return { ...server, visitId: visit.id };
}

/** A request a holder of the right credential could make: real ids in the path, a plausible body and query. */
function plausibleRequest(route: Route, c: City): { method: Method; url: string; payload?: unknown } {
  const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
    route.url.includes('/devices/') && name === 'id' ? c.tablet.deviceId : 'predikheren',
  );
  const query = /\/(stats|export)/.test(path) ? '?from=2026-11-01&to=2026-11-30' : '';
  const bodies: Record<string, unknown> = {
    [`POST ${API}/sync`]: { visits: [aVisit()] },
    [`POST ${API}/points`]: { id: 'nekkerspoel', name: 'Buurthuis Nekkerspoel' },
    [`PATCH ${API}/points/:id`]: { name: 'Predikheren (nieuw)' },
    [`POST ${API}/import`]: { deviceId: c.tablet.deviceId, exportedAt: '2026-11-22T10:00:00+01:00', visits: [aVisit()] },
    [`POST ${API}/session`]: { username: 'griet', password: 'correct horse battery' },
    [`POST ${API}/devices/pair`]: { code: 'ABCD-EFGH', label: 'Balie 9' },
  };
  const method = route.method as Method;
  const payload = bodies[`${route.method} ${route.url}`] ?? (method === 'GET' || method === 'HEAD' ? undefined : {});
  return { method, url: `${path}${query}`, ...(payload === undefined ? {} : { payload }) };
}

/** Tokens belong in the Authorization header; one in the URL must not count (and would end up in access logs). */
function sendWithTokenInQuery(c: City, route: Route): Promise<LightMyRequestResponse> {
  const request = plausibleRequest(route, c);
  const url = `${request.url}${request.url.includes('?') ? '&' : '?'}access_token=${c.tablet.token}`;
  return c.app.inject({ ...request, url } as InjectOptions);
}

function send(c: City, route: Route, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  return c.app.inject({ ...plausibleRequest(route, c), headers } as InjectOptions);
}

/** Nothing of anyone's data in a refusal: no token, id, label, username or visit. */
function leaks(response: LightMyRequestResponse, c: City, extra: string[] = []): string[] {
  const secrets = [
    c.tablet.token,
    c.tablet.deviceId,
    c.visitId,
    'Balie 1',
    'griet',
    'Predikheren',
    c.cookie.split('=')[1] ?? '',
    ...extra,
  ];
  return secrets.filter((secret) => secret && response.body.includes(secret));
}

const protectedAs = (auth: Auth) => (route: Route) => route.auth === auth;

describe.each(STORE_KINDS)('the authorization matrix over every route (%s)', (kind) => {
  it('covers the routes of protocol v1 and knows who may call each', async () => {
    const c = await city(kind);
    const routes = await routeTable(c.app);
    const auth = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.auth;
    expect(auth('POST', `${API}/sync`)).toBe('device');
    expect(auth('GET', `${API}/config`)).toBe('device');
    expect(auth('GET', `${API}/stats`)).toBe('coordinator');
    expect(auth('POST', `${API}/import`)).toBe('coordinator');
    expect(auth('DELETE', `${API}/devices/:id`)).toBe('coordinator');
    expect(auth('POST', `${API}/devices/pair`)).toBe('none');
    expect(auth('GET', '/healthz')).toBe('none');
    expect(routes.filter(protectedAs('coordinator')).length).toBeGreaterThanOrEqual(12);
  });

  it('refuses every device route without a valid token, and changes nothing', async () => {
    const c = await city(kind);
    const revoked = await pairTablet(c, c.cookie, 'Balie 2');
    expect(
      (await c.app.inject({ method: 'DELETE', url: `${API}/devices/${revoked.deviceId}`, headers: { cookie: c.cookie } }))
        .statusCode,
    ).toBe(204);
    const before = await dumpDatabase(c.store);
    const credentials: Record<string, Record<string, string>> = {
      'no token': {},
      'a malformed token': { authorization: 'Bearer x' },
      'another scheme': { authorization: `Basic ${Buffer.from('griet:correct horse battery').toString('base64')}` },
      'an oversized token': { authorization: `Bearer ${'A'.repeat(4_000)}` },
      'an unknown token': { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
      'a revoked token': revoked.auth,
      "a coordinator's session": { cookie: c.cookie },
      'the token in a query string': {},
    };
    const refused: string[] = [];
    for (const route of (await routeTable(c.app)).filter(protectedAs('device'))) {
      for (const [name, headers] of Object.entries(credentials)) {
        const response =
          name === 'the token in a query string' ? await sendWithTokenInQuery(c, route) : await send(c, route, headers);
        if (![401, 403].includes(response.statusCode))
          refused.push(`${route.method} ${route.url} with ${name}: ${response.statusCode}`);
        const leaked = leaks(response, c, [revoked.token, revoked.deviceId]);
        if (leaked.length > 0) refused.push(`${route.method} ${route.url} with ${name} leaks ${leaked.length} secret(s)`);
      }
    }
    expect(refused).toEqual([]);
    expect(await dumpDatabase(c.store)).toEqual(before);
    // The right token gets through: the refusals above are about the credential, not the request.
    for (const route of (await routeTable(c.app)).filter(protectedAs('device'))) {
      expect((await send(c, route, c.tablet.auth)).statusCode, `${route.method} ${route.url}`).toBeLessThan(400);
    }
  });

  it('refuses every coordinator route without a live session, also with a device token, and changes nothing', async () => {
    const c = await city(kind);
    const ended = await signIn(c, 'jan');
    expect((await c.app.inject({ method: 'DELETE', url: `${API}/session`, headers: { cookie: ended } })).statusCode).toBe(204);
    const [cookieName] = c.cookie.split('=');
    const credentials: Record<string, Record<string, string>> = {
      'no session': {},
      'a forged session': { cookie: `${cookieName}=${randomBytes(32).toString('base64url')}` },
      'an ended session': { cookie: ended },
      'an empty cookie': { cookie: `${cookieName}=` },
      "a tablet's token": c.tablet.auth,
      "a tablet's token as the cookie": { cookie: `${cookieName}=${c.tablet.token}` },
    };
    const before = await dumpDatabase(c.store);
    const refused: string[] = [];
    for (const route of (await routeTable(c.app)).filter(protectedAs('coordinator'))) {
      for (const [name, headers] of Object.entries(credentials)) {
        const response = await send(c, route, headers);
        if (![401, 403].includes(response.statusCode))
          refused.push(`${route.method} ${route.url} with ${name}: ${response.statusCode}`);
        const leaked = leaks(response, c, [ended.split('=')[1] ?? '']);
        if (leaked.length > 0) refused.push(`${route.method} ${route.url} with ${name} leaks ${leaked.length} secret(s)`);
      }
    }
    expect(refused).toEqual([]);
    expect(await dumpDatabase(c.store)).toEqual(before);

    // With the live session the same requests get through (signing out last: it ends the session).
    const routes = (await routeTable(c.app)).filter(protectedAs('coordinator'));
    const signOut = routes.filter((r) => r.method === 'DELETE' && r.url === `${API}/session`);
    for (const route of [...routes.filter((r) => !signOut.includes(r)), ...signOut]) {
      expect((await send(c, route, { cookie: c.cookie })).statusCode, `${route.method} ${route.url}`).toBeLessThan(400);
    }
  });

  it('ends a session left idle too long on every coordinator route', async () => {
    const c = await city(kind);
    c.clock.advance(IDLE_MS + 60_000);
    const refused: string[] = [];
    for (const route of (await routeTable(c.app)).filter(protectedAs('coordinator'))) {
      const response = await send(c, route, { cookie: c.cookie });
      if (response.statusCode !== 401) refused.push(`${route.method} ${route.url}: ${response.statusCode}`);
      if (leaks(response, c).length > 0) refused.push(`${route.method} ${route.url} leaks`);
    }
    expect(refused).toEqual([]);
  });

  it('answers the public routes without credentials, and they tell nothing about anyone', async () => {
    const c = await city(kind);
    for (const route of (await routeTable(c.app)).filter(protectedAs('none'))) {
      const response = await send(c, route, {});
      expect(response.statusCode, `${route.method} ${route.url}`).toBeLessThan(500);
      if (route.url !== `${API}/session`) expect(response.statusCode, `${route.method} ${route.url}`).not.toBe(401);
      expect(leaks(response, c), `${route.method} ${route.url}`).toEqual([]);
    }
  });

  it("refuses a tablet writing another tablet's visit, by sync and by a rescue file naming it, and keeps the visit", async () => {
    const c = await city(kind);
    const other = await pairTablet(c, c.cookie, 'Balie 2');
    const [stored] = await c.store.query<{ record: Record<string, unknown> }>('SELECT record FROM visits');
    const hijack = { ...stored?.record, rev: 7, people: 9, deleted: true };
    const answer = json<SyncAnswer>(await sync(c, other, [hijack]));
    expect(answer.results).toEqual([
      { id: c.visitId, status: 'rejected', errors: [{ field: 'id', code: 'forbidden', message: expect.any(String) }] },
    ]);
    expect(JSON.stringify(answer)).not.toContain(c.tablet.deviceId);

    const rescue = await c.app.inject({
      method: 'POST',
      url: `${API}/import`,
      headers: { cookie: c.cookie },
      payload: { deviceId: other.deviceId, exportedAt: '2026-11-22T10:00:00+01:00', visits: [hijack] },
    });
    expect(rescue.json()).toMatchObject({ results: [{ id: c.visitId, status: 'rejected', errors: [{ code: 'forbidden' }] }] });
    const [after] = await c.store.query<{ rev: number; deleted: boolean; device_id: string }>(
      'SELECT rev, deleted, device_id FROM visits',
    );
    expect(after).toEqual({ rev: 1, deleted: false, device_id: c.tablet.deviceId });
  });
});
