/**
 * The two tablets of the sync drain benchmark, both on fake-indexeddb in
 * Node, both holding the same kind of queued visits:
 *
 * - ours: the visits in the app's own database (CheckinDatabase), drained by
 *   the project's sync engine exactly as the page builds it
 *   (createBrowserEngine: gzip, batches of ≤ 500, the outbox lease lock);
 * - the baseline: the same visits as queued requests in Workbox Background
 *   Sync's own Queue (workbox-background-sync, unmodified), one POST per
 *   visit, replayed by its replayRequests(): strictly one after another.
 */
import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import packageJson from '../../../package.json' with { type: 'json' };
import { CheckinDatabase, withSyncState } from '../../../src/app/db/database.ts';
import { Settings } from '../../../src/app/db/settings.ts';
import { createBrowserEngine } from '../../../src/app/sync/browserEngine.ts';
import type { DrainReport } from '../../../src/app/sync/engine.ts';
import { summarizePending } from '../../../src/app/sync/outbox.ts';
import { demoVisitBatches } from '../../../src/server/admin/demoData.ts';
import { API, type PairResponse } from '../../../src/shared/protocol.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';

let tablets = 0;

/** `count` demo visits over seven days ending three days before today (the city accepts nothing from its future). */
export function queuedVisits(seed: number, count: number, today = new Date()): VisitRecord[] {
  const from = new Date(today.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
  return [...demoVisitBatches({ seed, visits: count, from, days: 7 })].flat();
}

/** Counts the requests and the statuses of everything `work` fetches through the global fetch. */
export async function countingRequests<T>(work: () => Promise<T>): Promise<{ value: T; requests: number; failed: number }> {
  const original = globalThis.fetch;
  let requests = 0;
  let failed = 0;
  globalThis.fetch = async (input, init) => {
    requests++;
    const response = await original(input, init);
    if (response.status >= 300) failed++;
    return response;
  };
  try {
    return { value: await work(), requests, failed };
  } finally {
    globalThis.fetch = original;
  }
}

export interface EngineTablet {
  drain(): Promise<DrainReport>;
  pending(): Promise<number>;
  /** Request bodies sent, in bytes (gzip). */
  bytesSent(): number;
  close(): Promise<void>;
}

/** A paired tablet with `visits` waiting in its outbox, whose engine talks to `origin`. */
export async function engineTablet(origin: string, pairing: PairResponse, visits: VisitRecord[]): Promise<EngineTablet> {
  const name = `bench-tablet-${process.pid}-${++tablets}`;
  const db = new CheckinDatabase(name);
  const settings = new Settings(createStore(`${name}-settings`, 'settings'));
  await settings.set('pairing', { ...pairing, label: 'Benchmark tablet', pairedAt: new Date().toISOString() });
  await db.visits.bulkPut(visits.map((visit) => withSyncState({ ...visit, syncedRev: 0, syncError: null })));
  let bytes = 0;
  const engine = createBrowserEngine({
    appVersion: packageJson.version,
    db,
    settings,
    baseUrl: origin,
    fetch: (url, init) => {
      bytes += (init.body as Uint8Array | undefined)?.byteLength ?? 0;
      return globalThis.fetch(url, init);
    },
  });
  return {
    drain: () => engine.drain(),
    pending: async () => (await summarizePending(db)).pending,
    bytesSent: () => bytes,
    close: async () => {
      db.close();
      await db.delete();
    },
  };
}

interface WorkboxQueue {
  pushRequest(entry: { request: Request }): Promise<void>;
  replayRequests(): Promise<void>;
  size(): Promise<number>;
}

/**
 * Workbox's Queue runs in a service worker; in Node it needs a `self` with a
 * `registration` that has no Background Sync, so it never registers a sync
 * event and the benchmark calls replayRequests() itself (what the sync event does).
 */
async function workboxQueueClass(): Promise<new (name: string, options: { onSync: () => Promise<void> }) => WorkboxQueue> {
  const scope = globalThis as unknown as { self?: unknown };
  scope.self ??= { registration: {}, __WB_DISABLE_DEV_LOGS: true };
  const module = await import('workbox-background-sync');
  return module.Queue as never;
}

export interface WorkboxTablet {
  replay(): Promise<void>;
  size(): Promise<number>;
  bytesQueued: number;
}

/** The same visits as a Workbox Background Sync queue of one POST /sync per visit (plain JSON, as the page sent it). */
export async function workboxTablet(origin: string, pairing: PairResponse, visits: VisitRecord[]): Promise<WorkboxTablet> {
  const Queue = await workboxQueueClass();
  // The default onSync is replayRequests; the benchmark starts that replay itself, when the clock runs.
  const queue = new Queue(`bench-visits-${process.pid}-${++tablets}`, { onSync: async () => {} });
  let bytesQueued = 0;
  for (const visit of visits) {
    const body = JSON.stringify({ visits: [visit] });
    bytesQueued += Buffer.byteLength(body);
    await queue.pushRequest({
      request: new Request(`${origin}${API}/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${pairing.token}` },
        body,
      }),
    });
  }
  return { replay: () => queue.replayRequests(), size: () => queue.size(), bytesQueued };
}
