/**
 * Whatever arrives, the city endpoint answers a 4xx that says what is wrong
 * or a correct 2xx: never a 5xx, never a crash, with memory bounded, and it
 * is healthy afterwards. Property-based (fast-check, fixed seed, override
 * with ROBUSTNESS_SEED; a failure prints the seed and path to replay) over
 * POST /api/v1/sync and every other route in the route table, through
 * app.inject and over a real socket; plus 10,000-visit batches and a gzip
 * bomb. At the end the privacy audit finds no refused note, no token and no
 * client address where they must not be.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonalData } from '../../../src/shared/pii.ts';
import { API } from '../../../src/shared/protocol.ts';
import { checkVisit } from '../../../src/shared/visitRules.ts';
import { brokenVisit, hostileBody, personalDataNote, type RawBody, validVisit } from '../../helpers/hostileInput.ts';
import { auditPrivacy } from '../../helpers/privacyAudit.ts';
import { type Route, routeTable } from '../../helpers/routeTable.ts';
import { runSeed } from '../../helpers/seeded.ts';
import { LogCapture, readyToSync, type Tablet, type TestServer } from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

const SEED = runSeed(20_261_123);
const STATUSES = new Set(['applied', 'unchanged', 'stale', 'rejected']);

/** A garbage collection on demand, so the heap is measured after what could be freed was freed. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapUsed = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

interface Answer {
  statusCode: number;
  contentType: string;
  body: string;
}

const fromInject = (r: LightMyRequestResponse): Answer => ({
  statusCode: r.statusCode,
  contentType: String(r.headers['content-type'] ?? ''),
  body: r.body,
});

/** A 4xx that says what is wrong, or a 2xx: anything else fails the property with `what` in the report. */
function expectClearAnswer(answer: Answer, what: string, head = false): void {
  if (answer.statusCode >= 500) throw new Error(`${what}: ${answer.statusCode} ${answer.body.slice(0, 300)}`);
  if (answer.statusCode < 400 || head) return; // an answer to HEAD has no body to carry a message
  if (!answer.contentType.includes('application/json')) throw new Error(`${what}: ${answer.statusCode} without a JSON message`);
  const message = (JSON.parse(answer.body) as { message?: unknown }).message;
  if (typeof message !== 'string' || message.trim() === '') throw new Error(`${what}: ${answer.statusCode} without a message`);
}

/** A 200 to a sync is correct when it has one result per visit, in order, and stores only visits the rules accept. */
function expectCorrectSyncAnswer(answer: Answer, sent: unknown, nowMs: number): void {
  if (answer.statusCode !== 200) return;
  const visits = (sent as { visits: unknown[] }).visits;
  const { results } = JSON.parse(answer.body) as { results: { id: string; status: string }[] };
  expect(results).toHaveLength(visits.length);
  results.forEach((result, i) => {
    const visit = visits[i] as { id?: unknown } | null;
    expect(result.id).toBe(typeof visit?.id === 'string' ? visit.id : '');
    expect(STATUSES.has(result.status)).toBe(true);
    if (!checkVisit(visit, nowMs).ok) expect(result.status).toBe('rejected');
  });
}

function syncRequest(tablet: Tablet, body: RawBody): InjectOptions {
  return {
    method: 'POST',
    url: `${API}/sync`,
    headers: {
      ...tablet.auth,
      ...(body.contentType === undefined ? {} : { 'content-type': body.contentType }),
      ...(body.contentEncoding ? { 'content-encoding': body.contentEncoding } : {}),
    },
    payload: body.bytes,
  };
}

/** 96 MiB of one repeated character inside a JSON string (more than even an import may hold): about 100 KiB compressed. */
let bombMade: Buffer | undefined;
function gzipBomb(): Buffer {
  bombMade ??= gzipSync(
    Buffer.concat([
      Buffer.from('{"visits":[],"client":{"appVersion":"'),
      Buffer.alloc(96 * 1024 * 1024, 0x61),
      Buffer.from('"}}'),
    ]),
  );
  return bombMade;
}

describe.each(STORE_KINDS)('hostile input to the city endpoint (%s)', (kind) => {
  // PostgreSQL runs the same code above the store: a shorter run there checks what differs (SQL, types, NUL).
  const runs = kind === 'pglite' ? 1 : 0.3;
  const logs = new LogCapture();
  let server: TestServer & { cookie: string; tablet: Tablet };
  let app: FastifyInstance;
  let nowMs: number;
  let heapAtStart: number;
  const refusedNotes: string[] = [];

  beforeAll(async () => {
    server = await readyToSync(kind, { logger: { level: 'info', stream: logs } });
    app = server.app;
    nowMs = server.clock.now().getTime();
    heapAtStart = heapUsed();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers any body sent to POST /sync with a clear 4xx or a correct 200', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody(nowMs), async (body) => {
        const answer = fromInject(await app.inject(syncRequest(server.tablet, body)));
        expectClearAnswer(answer, body.label);
        if (answer.statusCode === 200 && !body.contentEncoding) {
          expectCorrectSyncAnswer(answer, JSON.parse(body.bytes.toString('utf8')), nowMs);
        }
      }),
      { seed: SEED, numRuns: Math.round(250 * runs) },
    );
  });

  it('over a real socket, stores exactly the valid visits of a mixed batch, and refuses notes with personal data', async () => {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const visit = fc.oneof(
      { weight: 3, arbitrary: validVisit(nowMs) },
      { weight: 2, arbitrary: brokenVisit(nowMs) },
      { weight: 1, arbitrary: fc.tuple(validVisit(nowMs), personalDataNote).map(([v, note]) => ({ ...v, note })) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(visit, { maxLength: 30 }), async (visits) => {
        const response = await fetch(`${url}${API}/sync`, {
          method: 'POST',
          headers: { ...server.tablet.auth, 'content-type': 'application/json' },
          body: JSON.stringify({ visits }),
        });
        const answer = {
          statusCode: response.status,
          contentType: response.headers.get('content-type') ?? '',
          body: await response.text(),
        };
        expectClearAnswer(answer, 'a mixed batch');
        expect(answer.statusCode).toBe(200);
        expectCorrectSyncAnswer(answer, { visits }, nowMs);
        for (const sent of visits) {
          if (typeof sent.note === 'string' && findPersonalData(sent.note)) refusedNotes.push(sent.note);
        }
      }),
      { seed: SEED, numRuns: Math.round(60 * runs) },
    );
  });

  it('answers any request to every other route with a clear 4xx or a 2xx', async () => {
    const routes = (await routeTable(app)).filter((r) => !(r.method === 'DELETE' && r.url === `${API}/session`));
    const credentialsFor = (route: Route): Record<string, string> =>
      route.auth === 'device' ? server.tablet.auth : route.auth === 'coordinator' ? { cookie: server.cookie } : {};
    const param = fc.oneof(
      fc.string({ maxLength: 80 }).map(encodeURIComponent),
      fc.constantFrom(
        'predikheren',
        '..%2F..%2Fetc%2Fpasswd',
        '%00',
        '%E0%A4%A',
        '%',
        'a'.repeat(5_000),
        '__proto__',
        'constructor',
      ),
    );
    const query = fc.dictionary(
      fc.constantFrom('from', 'to', 'point', 'kind', 'x', '__proto__', 'constructor'),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('2026-01-01', '2026-11-22', '2026-13-45', '0000-00-00', '2000-01-01'),
      ),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        param,
        query,
        hostileBody(nowMs),
        fc.boolean(),
        async (route, value, search, body, withCredentials) => {
          const url = `${route.url.replace(/:\w+/g, value)}?${new URLSearchParams(search as Record<string, string>)}`;
          const headers = {
            ...(withCredentials ? credentialsFor(route) : {}),
            ...(body.contentType === undefined ? {} : { 'content-type': body.contentType }),
            ...(body.contentEncoding ? { 'content-encoding': body.contentEncoding } : {}),
          };
          const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
          const options = { method: route.method, url, headers, ...(hasBody ? { payload: body.bytes } : {}) } as InjectOptions;
          const what = `${route.method} ${url.slice(0, 120)} with ${body.label}`;
          expectClearAnswer(fromInject(await app.inject(options)), what, route.method === 'HEAD');
        },
      ),
      { seed: SEED, numRuns: Math.round(400 * runs) },
    );
  });

  it('refuses batches of 10,000 visits, plain or gzip, and a gzip bomb, with 413 and bounded memory', async () => {
    const visits = fc.sample(validVisit(nowMs), { numRuns: 10_000, seed: SEED });
    const plain = Buffer.from(JSON.stringify({ visits }));
    const empties = Buffer.from(JSON.stringify({ visits: Array.from({ length: 10_000 }, () => ({})) }));
    const bomb = gzipBomb();
    const cases: RawBody[] = [
      { label: '10,000 visits', bytes: plain, contentType: 'application/json' },
      { label: '10,000 visits, gzip', bytes: gzipSync(plain), contentType: 'application/json', contentEncoding: 'gzip' },
      { label: '10,000 empty visits', bytes: empties, contentType: 'application/json' },
      { label: 'a gzip bomb', bytes: bomb, contentType: 'application/json', contentEncoding: 'gzip' },
    ];
    const before = heapUsed();
    for (const body of cases) {
      const answer = fromInject(await app.inject(syncRequest(server.tablet, body)));
      expectClearAnswer(answer, body.label);
      expect(answer.statusCode, body.label).toBe(413);
      expect(JSON.parse(answer.body).message, body.label).toMatch(/fewer|larger than/);
    }
    const bombImport = await app.inject({
      method: 'POST',
      url: `${API}/import`,
      headers: { cookie: server.cookie, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: bomb,
    });
    expect(bombImport.statusCode).toBe(413);
    expect(heapUsed() - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('takes a 10,000-visit rescue file in one import, one result per visit', { timeout: 120_000 }, async () => {
    const visits = fc.sample(validVisit(nowMs), { numRuns: 10_000, seed: SEED + 1 });
    const response = await app.inject({
      method: 'POST',
      url: `${API}/import`,
      headers: { cookie: server.cookie },
      payload: { deviceId: server.tablet.deviceId, exportedAt: new Date(nowMs).toISOString(), visits },
    });
    expect(response.statusCode).toBe(200);
    const { results } = response.json() as { results: { id: string; status: string }[] };
    expect(results.map((r) => r.id)).toEqual(visits.map((v) => v.id));
    expect(results.every((r) => r.status !== 'rejected')).toBe(true);
  });

  it('is healthy afterwards, its memory did not run away, and the privacy audit finds nothing', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
    const [visit] = fc.sample(validVisit(nowMs), { numRuns: 1, seed: SEED + 2 });
    const sync = await app.inject({
      method: 'POST',
      url: `${API}/sync`,
      headers: server.tablet.auth,
      payload: { visits: [visit] },
    });
    expect(sync.json().results).toEqual([{ id: visit?.id, status: 'applied' }]);
    expect(heapUsed() - heapAtStart).toBeLessThan(128 * 1024 * 1024);
    // No body with __proto__ or constructor keys reached the prototypes every object shares.
    const plain = {} as Record<string, unknown>;
    expect([plain.isAdmin, plain.polluted, plain.admin, plain.visits]).toEqual([undefined, undefined, undefined, undefined]);
    expect(logs.lines.filter((line) => line.includes('"level":50')).map((line) => line.slice(0, 300))).toEqual([]);

    expect(refusedNotes.length).toBeGreaterThan(0);
    const findings = await auditPrivacy({
      store: server.store,
      logText: logs.text,
      secrets: [server.tablet.token, server.cookie.split('=')[1] ?? ''],
      refusedNotes,
    });
    expect(findings).toEqual([]);
  });
});
