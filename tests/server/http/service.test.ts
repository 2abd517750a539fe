import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { API } from '../../../src/shared/protocol.ts';
import {
  aVisit,
  json,
  LogCapture,
  PASSWORD,
  readyToSync,
  type SyncAnswer,
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

describe.each(STORE_KINDS)('the service around the API (%s)', (kind) => {
  it('reports healthy while the database answers, and 503 with Retry-After when it does not', async () => {
    open = await testServer(kind);
    const healthy = await open.app.inject({ method: 'GET', url: '/healthz' });
    expect(healthy.statusCode).toBe(200);
    expect(json(healthy)).toEqual({ status: 'ok' });

    const down: Store = {
      ...open.store,
      query: () => Promise.reject(Object.assign(new Error('gone'), { code: 'ECONNREFUSED' })),
    };
    const { buildApp } = await import('../../../src/server/app.ts');
    const cut = await buildApp({ store: down, now: open.clock.now, randomBytes: () => new Uint8Array(32), logger: false });
    const unhealthy = await cut.inject({ method: 'GET', url: '/healthz' });
    expect(unhealthy.statusCode).toBe(503);
    expect(unhealthy.headers['retry-after']).toBe('5');
    const syncing = await cut.inject({
      method: 'GET',
      url: `${API}/config`,
      headers: { authorization: `Bearer ${'a'.repeat(43)}` },
    });
    expect(syncing.statusCode).toBe(503);
    expect(syncing.headers['retry-after']).toBe('5');
    await cut.close();
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    open = await testServer(kind);
    const response = await open.app.inject({ method: 'GET', url: `${API}/openapi.json` });
    expect(response.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> }>(response);
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/devices/pair',
      '/api/v1/config',
      '/api/v1/sync',
      '/api/v1/session',
      '/api/v1/setup',
      '/api/v1/points',
      '/api/v1/points/{id}',
      '/api/v1/pairing-codes',
      '/api/v1/devices',
      '/api/v1/devices/{id}',
      '/api/v1/import',
      '/api/v1/stats',
      '/api/v1/export.csv',
      '/api/v1/export/open-data.csv',
      '/healthz',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    const syncOp = doc.paths['/api/v1/sync']?.post as Record<string, unknown>;
    expect(syncOp.security).toEqual([{ deviceToken: [] }]);
    expect(JSON.stringify(syncOp.requestBody)).toContain('"maxItems":500');
    expect(doc.paths['/api/v1/points']?.get?.security).toEqual([{ coordinatorSession: [] }]);
  });

  it('sends security headers everywhere, a same-origin CSP, and no CORS permission', async () => {
    open = await testServer(kind);
    const response = await open.app.inject({
      method: 'OPTIONS',
      url: `${API}/sync`,
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const health = await open.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(health.headers['access-control-allow-origin']).toBeUndefined();
    const csp = String(health.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "worker-src 'self'",
      "manifest-src 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['strict-transport-security']).toBeUndefined();
    const notFound = await open.app.inject({ method: 'GET', url: `${API}/nothing-here` });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['content-security-policy']).toBeDefined();
    expect(notFound.headers['cache-control']).toBe('no-store');
    const setup = await open.app.inject({ method: 'GET', url: `${API}/setup` });
    expect(setup.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS when published over https', async () => {
    open = await testServer(kind, { config: { publicOrigin: 'https://checkin.mechelen.be' } });
    const health = await open.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });

  it('writes no token, password, cookie, pairing code or visit content to its log', async () => {
    const log = new LogCapture();
    const s = await readyToSync(kind, { logger: { level: 'trace', stream: log } });
    open = s;
    const note = 'printer driver opnieuw geinstalleerd';
    const bad = aVisit({ note: 'bel 0470 12 34 56' });
    await sync(s, s.tablet, [aVisit({ note }), bad], { appVersion: '1.0.0', pending: 1, oldestPendingAt: null });
    await s.app.inject({
      method: 'POST',
      url: `${API}/sync`,
      headers: { ...s.tablet.auth, 'content-type': 'application/json' },
      payload: `{"visits": [{"note": "${note}"`,
    });
    await s.app.inject({ method: 'POST', url: `${API}/session`, payload: { username: 'griet', password: `${PASSWORD}x` } });
    const code = json<{ code: string }>(
      await s.app.inject({ method: 'POST', url: `${API}/pairing-codes`, headers: { cookie: s.cookie } }),
    ).code;
    await s.app.inject({ method: 'POST', url: `${API}/devices/pair`, payload: { code, label: 'Balie 9' } });

    expect(log.lines.length).toBeGreaterThan(10);
    for (const secret of [s.tablet.token, s.cookie.split('=')[1] ?? '', PASSWORD, code, note, '0470 12 34 56', 'Balie 9']) {
      expect(log.text).not.toContain(secret);
    }
    expect(log.text).not.toMatch(/authorization|cookie/i);
  });

  it('lets a request in flight finish when it stops, and only then finishes closing', async () => {
    const base = await testServer(kind);
    await base.app.close();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => {};
    const queried = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const slow: Store = {
      ...base.store,
      query: async (text, params) => {
        entered();
        await held;
        return base.store.query(text, params);
      },
    };
    const { buildApp } = await import('../../../src/server/app.ts');
    const app = await buildApp({ store: slow, now: base.clock.now, randomBytes: () => new Uint8Array(32), logger: false });
    const events: string[] = [];
    app.addHook('onResponse', async () => {
      events.push('answered');
    });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${address}/healthz`);
    await queried; // the request is inside the server, waiting for the database
    const closing = app.close().then(() => events.push('closed'));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect((await inFlight).status).toBe(200);
    await closing;
    expect(events).toEqual(['answered', 'closed']);
  });

  it('answers a sync that arrives while it stops with 503, Retry-After and Connection: close, storing nothing', async () => {
    const s = await readyToSync(kind);
    open = s;
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const socket = connect((s.app.server.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = once(socket, 'close');
    // A tablet has begun to send its sync (so the connection is not idle and stays open)…
    socket.write(`POST ${API}/sync HTTP/1.1\r\nHost: city\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = s.app.close();
    open = undefined;
    await new Promise((resolve) => setImmediate(resolve));
    // …and the rest of it arrives once the server has begun to stop.
    const body = JSON.stringify({ visits: [aVisit()] });
    socket.write(
      [
        `Authorization: ${s.tablet.auth.authorization}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body,
      ].join('\r\n'),
    );
    await ended;
    await closing;
    const answer = Buffer.concat(chunks).toString('utf8');
    expect(answer).toMatch(/^HTTP\/1\.1 503 /);
    expect(answer).toMatch(/\r\nretry-after: [1-9]\d*\r\n/i);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('the server is shutting down; try again shortly');
    const stored = await s.store.query<{ visits: number }>('SELECT count(*)::int AS visits FROM visits');
    expect(stored[0]?.visits).toBe(0);
  });
});

describe.each(STORE_KINDS)('over a real socket (%s)', (kind) => {
  it('serves health and takes a gzip-compressed sync from a tablet', async () => {
    const s = await readyToSync(kind);
    open = s;
    const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const health = await fetch(`${address}/healthz`);
    expect(health.status).toBe(200);
    const visit = aVisit();
    const response = await fetch(`${address}${API}/sync`, {
      method: 'POST',
      headers: { ...s.tablet.auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ visits: [visit] })),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as SyncAnswer).results).toEqual([{ id: visit.id, status: 'applied' }]);
  });
});

describe.each(STORE_KINDS)('serving the tablet app (%s)', (kind) => {
  let dist = '';
  afterEach(async () => {
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('caches hashed assets for a year, revalidates the rest, and falls back to index.html for navigations', async () => {
    dist = await mkdtemp(join(tmpdir(), 'digibank-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Digibank</title>');
    await writeFile(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(join(dist, 'manifest.webmanifest'), '{"name":"Digibank"}');
    await writeFile(join(dist, 'assets', 'index-Bx7k2Q.js'), 'console.log(1);');
    open = await testServer(kind, { config: { staticDir: dist } });
    const get = (url: string, accept = '*/*') => open?.app.inject({ method: 'GET', url, headers: { accept } });

    const asset = await get('/assets/index-Bx7k2Q.js');
    expect(asset?.statusCode).toBe(200);
    expect(asset?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest']) {
      const response = await get(url);
      expect(response?.statusCode, url).toBe(200);
      expect(response?.headers['cache-control'], url).toBe('no-cache');
    }
    const navigation = await get('/dashboard/stats', 'text/html,application/xhtml+xml');
    expect(navigation?.statusCode).toBe(200);
    expect(navigation?.body).toContain('<title>Digibank</title>');
    expect(navigation?.headers['cache-control']).toBe('no-cache');

    expect((await get('/assets/missing-123.js'))?.statusCode).toBe(404);
    const api = await get(`${API}/nothing`, 'text/html');
    expect(api?.statusCode).toBe(404);
    expect(api?.headers['content-type']).toMatch(/json/);
    expect((await get('/healthz', 'text/html'))?.statusCode).toBe(200);
  });

  it('sends the compressed copy from the build to a browser that accepts it, and the plain file to one that does not', async () => {
    dist = await mkdtemp(join(tmpdir(), 'digibank-dist-'));
    await mkdir(join(dist, 'assets'));
    const script = `export const topics = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `topic-${i}`))};`;
    await writeFile(join(dist, 'index.html'), `<!doctype html><title>Digibank</title>${'<p>hallo</p>'.repeat(200)}`);
    await writeFile(join(dist, 'assets', 'index-Bx7k2Q.js'), script);
    expect(await precompress(dist)).toBe(2);
    open = await testServer(kind, { config: { staticDir: dist } });
    const get = (url: string, encoding?: string) =>
      open?.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

    const brotli = await get('/assets/index-Bx7k2Q.js', 'gzip, deflate, br');
    expect(brotli?.headers['content-encoding']).toBe('br');
    expect(brotli?.headers['content-type']).toMatch(/javascript/);
    expect(brotli?.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli?.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli?.rawPayload ?? Buffer.alloc(0)).toString()).toBe(script);

    const gzipped = await get('/', 'gzip');
    expect(gzipped?.headers['content-encoding']).toBe('gzip');
    expect(gzipped?.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(gzipped?.rawPayload ?? Buffer.alloc(0)).toString()).toContain('<title>Digibank</title>');

    const plain = await get('/assets/index-Bx7k2Q.js');
    expect(plain?.headers['content-encoding']).toBeUndefined();
    expect(plain?.body).toBe(script);
  });
});
