/**
 * The real city endpoint on a real socket (127.0.0.1, a free port) over a
 * fresh store, with the clock the story gives it, its log lines captured,
 * a coordinator signed in and the points the tablets log at.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/server/store/sql.ts';
import { addPoint, CHEAP_SCRYPT, LogCapture, newPairingCode, signIn, TestClock } from '../server/helpers/app.ts';
import { freshStore, type StoreKind } from '../server/helpers/stores.ts';

export interface ListeningCity {
  app: FastifyInstance;
  store: Store;
  /** http://127.0.0.1:port */
  url: string;
  logs: LogCapture;
  /** The coordinator's Cookie header. */
  cookie: string;
  /** A fresh single-use pairing code, as a coordinator hands it to a host. */
  pairingCode(): Promise<string>;
  close(): Promise<void>;
}

export async function startListeningCity(options: {
  now: () => number;
  points?: { id: string; name: string }[];
  store?: StoreKind;
}): Promise<ListeningCity> {
  const store = await freshStore(options.store ?? 'pglite');
  const logs = new LogCapture();
  const app = await buildApp({
    store,
    now: () => new Date(options.now()),
    randomBytes: (size) => randomBytes(size),
    logger: { level: 'info', stream: logs },
    config: { passwordCost: CHEAP_SCRYPT },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  // The helpers only sign in and manage points; the clock they carry is not used.
  const server = { app, store, clock: new TestClock() };
  const cookie = await signIn(server);
  for (const point of options.points ?? [{ id: 'predikheren', name: 'Bibliotheek Het Predikheren' }]) {
    await addPoint(server, cookie, point.id, point.name);
  }
  return {
    app,
    store,
    url: `http://127.0.0.1:${port}`,
    logs,
    cookie,
    pairingCode: () => newPairingCode(server, cookie),
    close: () => app.close(),
  };
}
