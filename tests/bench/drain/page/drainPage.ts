/**
 * The two tablets of the sync drain benchmark, inside Chromium with its own
 * IndexedDB (bundled by tablet/bundles.ts and evaluated through the DevTools
 * protocol in a page of the city's origin):
 *
 * - ours: the visits in the app's own database (CheckinDatabase), drained by
 *   the project's sync engine exactly as the page builds it
 *   (createBrowserEngine: gzip, batches of ≤ 500, the outbox lock);
 * - the baseline: the same visits as queued requests in Workbox Background
 *   Sync's own Queue (workbox-background-sync, unmodified), one POST per
 *   visit, replayed by its replayRequests(): strictly one after another.
 *
 * Each drain is timed in the page, from the call to the last answer written.
 */
import { createStore } from 'idb-keyval';
import { Queue } from 'workbox-background-sync';
import { CheckinDatabase, type StoredVisit } from '../../../../src/app/db/database.ts';
import { type Pairing, Settings } from '../../../../src/app/db/settings.ts';
import { createBrowserEngine } from '../../../../src/app/sync/browserEngine.ts';
import type { DrainReport } from '../../../../src/app/sync/engine.ts';
import { summarizePending } from '../../../../src/app/sync/outbox.ts';
import { API } from '../../../../src/shared/protocol.ts';
import type { VisitRecord } from '../../../../src/shared/visit.ts';

export interface PageDrain {
  ms: number;
  requests: number;
  /** Request bodies sent, in bytes. */
  bytes: number;
  /** Answers other than 2xx. */
  failed: number;
  /** What is still queued afterwards: 0 when every visit went. */
  left: number;
}

export interface DrainPage {
  /** A paired tablet named `name` with `visits` waiting in its outbox. */
  seedEngine(name: string, pairing: Pairing, visits: StoredVisit[]): Promise<void>;
  drainEngine(name: string, appVersion: string): Promise<PageDrain & { report: DrainReport }>;
  /** The same visits as a Workbox queue named `name` of one POST /sync per visit (plain JSON). */
  seedWorkbox(name: string, token: string, visits: VisitRecord[]): Promise<{ bytes: number }>;
  replayWorkbox(name: string): Promise<PageDrain>;
}

const settingsOf = (name: string) => new Settings(createStore(`${name}-settings`, 'settings'));

/** Workbox allows one Queue per name in a page; the one seeded is the one replayed. */
const queues = new Map<string, Queue>();

/** Workbox's Queue runs in a service worker; in a page it needs a `registration` without Background Sync. */
function workboxQueue(name: string): Queue {
  const scope = globalThis as unknown as { registration?: object };
  scope.registration ??= {};
  // The default onSync would replay at once; the benchmark starts the replay itself, when the clock runs.
  const queue = queues.get(name) ?? new Queue(name, { onSync: async () => {} });
  queues.set(name, queue);
  return queue;
}

/** Counts what `work` sends through the page's fetch. */
async function counting<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; requests: number; bytes: number; failed: number }> {
  const original = globalThis.fetch;
  let requests = 0;
  let bytes = 0;
  let failed = 0;
  globalThis.fetch = async (input, init) => {
    requests++;
    // The engine's gzip bodies; the replay's Request bodies are counted when queued, not read here inside the timing.
    if (init?.body instanceof Uint8Array) bytes += init.body.byteLength;
    const response = await original(input, init);
    if (response.status >= 300) failed++;
    return response;
  };
  const started = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - started, requests, bytes, failed };
  } finally {
    globalThis.fetch = original;
  }
}

async function seedEngine(name: string, pairing: Pairing, visits: StoredVisit[]) {
  await settingsOf(name).set('pairing', pairing);
  const db = new CheckinDatabase(name);
  await db.visits.bulkPut(visits);
  db.close();
}

async function drainEngine(name: string, appVersion: string) {
  const db = new CheckinDatabase(name);
  await db.open();
  const engine = createBrowserEngine({ appVersion, db, settings: settingsOf(name) });
  const { value: report, ...measure } = await counting(() => engine.drain());
  const left = (await summarizePending(db)).pending;
  db.close();
  return { ...measure, report, left };
}

async function seedWorkbox(name: string, token: string, visits: VisitRecord[]) {
  const queue = workboxQueue(name);
  let bytes = 0;
  for (const visit of visits) {
    const body = JSON.stringify({ visits: [visit] });
    bytes += new TextEncoder().encode(body).byteLength;
    await queue.pushRequest({
      request: new Request(`${location.origin}${API}/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
        body,
      }),
    });
  }
  return { bytes };
}

async function replayWorkbox(name: string) {
  const queue = workboxQueue(name);
  const { value: _, ...measure } = await counting(() => queue.replayRequests());
  return { ...measure, left: await queue.size() };
}

(globalThis as unknown as { digibankDrain: DrainPage }).digibankDrain = {
  seedEngine,
  drainEngine,
  seedWorkbox,
  replayWorkbox,
};
