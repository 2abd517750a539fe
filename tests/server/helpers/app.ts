/**
 * A city endpoint over one of the shared test stores, with a clock the test
 * moves and a cheap password hash (the OWASP cost is checked on its own).
 * Helpers speak the protocol the way a tablet and a coordinator do.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../../../src/server/app.ts';
import type { AppConfig } from '../../../src/server/config.ts';
import { addCoordinator } from '../../../src/server/setup.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { API } from '../../../src/shared/protocol.ts';
import { uuidv7 } from '../../../src/shared/uuid.ts';
import { freshStore, type StoreKind } from './stores.ts';

export const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';

export class TestClock {
  constructor(private ms = Date.parse('2026-11-22T10:00:00+01:00')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Collects every log line the server writes. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  clock: TestClock;
}

export async function testServer(
  kind: StoreKind,
  options: { config?: Partial<AppConfig>; logger?: AppDeps['logger'] } = {},
): Promise<TestServer> {
  const store = await freshStore(kind);
  const clock = new TestClock();
  const app = await buildApp({
    store,
    now: clock.now,
    randomBytes: (size) => randomBytes(size),
    logger: options.logger ?? false,
    config: { passwordCost: CHEAP_SCRYPT, ...options.config },
  });
  await app.ready();
  return { app, store, clock };
}

export const json = <T = Record<string, unknown>>(response: LightMyRequestResponse): T => response.json() as T;

/** Makes a coordinator account and signs in; returns the Cookie header to send. */
export async function signIn({ app, store }: TestServer, username = 'griet'): Promise<string> {
  await addCoordinator(store, { username, password: PASSWORD }, (n) => randomBytes(n), CHEAP_SCRYPT);
  const response = await app.inject({ method: 'POST', url: `${API}/session`, payload: { username, password: PASSWORD } });
  if (response.statusCode !== 204) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies[0];
  if (!cookie) throw new Error('sign-in set no cookie');
  return `${cookie.name}=${cookie.value}`;
}

export async function addPoint(server: TestServer, cookie: string, id = 'predikheren', name = 'Predikheren'): Promise<void> {
  const response = await server.app.inject({ method: 'POST', url: `${API}/points`, headers: { cookie }, payload: { id, name } });
  if (response.statusCode !== 201) throw new Error(`adding a point failed: ${response.statusCode} ${response.body}`);
}

export async function newPairingCode(server: TestServer, cookie: string): Promise<string> {
  const response = await server.app.inject({ method: 'POST', url: `${API}/pairing-codes`, headers: { cookie } });
  if (response.statusCode !== 201) throw new Error(`no pairing code: ${response.statusCode} ${response.body}`);
  return json<{ code: string }>(response).code;
}

export interface Tablet {
  deviceId: string;
  token: string;
  auth: { authorization: string };
}

export async function pairTablet(server: TestServer, cookie: string, label = 'Balie 1', installId?: string): Promise<Tablet> {
  const code = await newPairingCode(server, cookie);
  const response = await server.app.inject({
    method: 'POST',
    url: `${API}/devices/pair`,
    payload: { code, label, ...(installId ? { installId } : {}) },
  });
  if (response.statusCode !== 201) throw new Error(`pairing failed: ${response.statusCode} ${response.body}`);
  const { deviceId, token } = json<{ deviceId: string; token: string }>(response);
  return { deviceId, token, auth: { authorization: `Bearer ${token}` } };
}

/** A valid visit as a tablet pushes it, arrived an hour before the test clock's start. */
export function aVisit(extra: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id: uuidv7(Date.parse('2026-11-22T09:00:00+01:00') + Math.floor(Math.random() * 1000)),
    rev: 1,
    pointId: 'predikheren',
    kind: 'question',
    arrivedAt: '2026-11-22T09:14:03.120+01:00',
    createdAt: '2026-11-22T09:14:03.120+01:00',
    updatedAt: '2026-11-22T09:14:03.120+01:00',
    ...extra,
  };
}

export async function sync(server: TestServer, tablet: Tablet, visits: unknown[], client?: Record<string, unknown>) {
  return server.app.inject({
    method: 'POST',
    url: `${API}/sync`,
    headers: tablet.auth,
    payload: { visits, ...(client ? { client } : {}) },
  });
}

export interface SyncAnswer {
  results: Array<{ id: string; status: string; errors?: Array<{ field: string; code: string; message: string }> }>;
  serverTime: string;
}

export const statuses = (response: LightMyRequestResponse): string[] =>
  json<SyncAnswer>(response).results.map((result) => result.status);

/** A coordinator, a point and one paired tablet: where most stories start. */
export async function readyToSync(kind: StoreKind, options: Parameters<typeof testServer>[1] = {}) {
  const server = await testServer(kind, options);
  const cookie = await signIn(server);
  await addPoint(server, cookie);
  const tablet = await pairTablet(server, cookie);
  return { ...server, cookie, tablet };
}
