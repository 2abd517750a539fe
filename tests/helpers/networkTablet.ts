/**
 * A tablet as the app builds it, for stories against the real city endpoint
 * on a real socket: its own fake-indexeddb database and settings, the use
 * cases the screens call, pairing through the pairing use case, and the sync
 * engine with the story's clock, timers and random source. Every request the
 * engine sends names the tablet in an `x-tablet` header, so a proxy in
 * between can tell the tablets apart (the city ignores the header).
 */
import { createStore } from 'idb-keyval';
import { CheckinDatabase } from '../../src/app/db/database.ts';
import { Settings } from '../../src/app/db/settings.ts';
import { createSyncEngine, type SyncEngine } from '../../src/app/sync/engine.ts';
import { platformGzip } from '../../src/app/sync/gzip.ts';
import { webLock } from '../../src/app/sync/lock.ts';
import type { Timers } from '../../src/app/sync/ports.ts';
import type { VisitDeps } from '../../src/app/visits/deps.ts';
import { createTablet, type Tablet } from '../../src/app/visits/service.ts';
import { uuidv7 } from '../../src/shared/uuid.ts';
import { MemoryStorage } from '../app/helpers/tablet.ts';
import { FakeLockManager } from '../app/sync/fakeLocks.ts';

export interface NetworkTablet {
  name: string;
  db: CheckinDatabase;
  settings: Settings;
  /** The use cases the screens call. */
  tablet: Tablet;
  deps: VisitDeps;
  engine: SyncEngine;
  deviceId: string;
  token: string;
}

export interface NetworkTabletOptions {
  name: string;
  /** Where the city listens: pairing goes there directly. */
  cityUrl: string;
  /** Where the engine sends (the city itself, or a proxy in front of it). */
  syncUrl: string;
  pairingCode: string;
  now: () => number;
  timers: Timers;
  random: () => number;
  /** Sees every request the engine sends, before it leaves. */
  observe?: (url: string, init: RequestInit) => void;
}

/** `fetch` for code that asks relative paths (/api/v1/…), as in the browser. */
const againstOrigin =
  (origin: string): typeof fetch =>
  (input, init) =>
    fetch(new URL(String(input), origin), init);

export async function pairNetworkTablet(options: NetworkTabletOptions): Promise<NetworkTablet> {
  const { name, now, random } = options;
  const db = new CheckinDatabase(`${name}-visits`);
  const settings = new Settings(createStore(`${name}-settings`, 'settings'));
  const randomBytes = (bytes: Uint8Array<ArrayBuffer>) => bytes.map(() => Math.floor(random() * 256));
  const deps: VisitDeps = { db, now, newId: (ms) => uuidv7(ms, randomBytes) };
  const tablet = createTablet({
    ...deps,
    settings,
    fetch: againstOrigin(options.cityUrl),
    newInstallId: () => uuidv7(now(), randomBytes),
    draftStorage: new MemoryStorage(),
    storageManager: undefined,
  });
  const paired = await tablet.pair({ code: options.pairingCode, label: name });
  if (!paired.ok || !paired.state.pairing)
    throw new Error(`${name} could not pair: ${paired.ok ? 'no pairing' : paired.problem}`);
  const { deviceId, token } = paired.state.pairing;

  const engine = createSyncEngine({
    db,
    settings,
    appVersion: '1.0.0',
    fetch: (url, init) => {
      options.observe?.(url, init);
      const headers = new Headers(init.headers);
      headers.set('x-tablet', name);
      return fetch(url, { ...init, headers });
    },
    now,
    timers: options.timers,
    lock: webLock(new FakeLockManager() as unknown as LockManager, options.timers),
    random,
    compress: platformGzip(),
    baseUrl: options.syncUrl,
  });
  return { name, db, settings, tablet, deps, engine, deviceId, token };
}
