/**
 * The outbox engine: one drain sends every pending visit, oldest change
 * first, in batches of at most 500 visits and 1 MiB, while holding the outbox
 * lock, and says when to try again. It keeps no visit anywhere but in the
 * database, so a tab closed mid-send loses nothing: the next drain resends
 * and the city's idempotent writes answer `unchanged`.
 */
import { MAX_BATCH_VISITS, MAX_BODY_BYTES } from '../../shared/protocol.ts';
import type { VisitRecord } from '../../shared/visit.ts';
import { type CheckinDatabase, toWire } from '../db/database.ts';
import { acknowledge } from './acknowledge.ts';
import { backoffDelay } from './backoff.ts';
import { readPendingBatch, removeSyncedOlderThan, summarizePending } from './outbox.ts';
import { HEALTH_TIMEOUT_MS, HEARTBEAT_MS, RETENTION_DAYS, RETENTION_EVERY_MS, SYNC_TIMEOUT_MS } from './policy.ts';
import type { Clock, Compress, FetchLike, Random, SendLock, SyncSettings, Timers } from './ports.ts';
import { cityReachable, postSync, type TransportDeps } from './transport.ts';

export interface SyncEngineDeps {
  db: CheckinDatabase;
  settings: SyncSettings;
  appVersion: string;
  fetch: FetchLike;
  now: Clock;
  timers: Timers;
  lock: SendLock;
  random: Random;
  /** Gzip for request bodies, or null to send plain JSON. */
  compress: Compress | null;
  /** Origin of the city endpoint; '' for the page's own origin. */
  baseUrl?: string;
  /** Told after every answer during a drain: visits answered so far of the total to send. */
  onProgress?: (progress: DrainProgress) => void;
}

export interface DrainProgress {
  done: number;
  total: number;
}

export type DrainReport =
  /** Nothing is pending any more (the heartbeat, when due, went through). */
  | { outcome: 'done'; lastSyncAt: string }
  /** The city could not be reached or answered badly; try again at `retryAt`. */
  | { outcome: 'failed'; retryAt: number; reason: string }
  /** The city asked (429/503 Retry-After) to come back at `retryAt`. */
  | { outcome: 'deferred'; retryAt: number }
  /** 401: the tablet must be paired again; every visit stays. */
  | { outcome: 'revoked' }
  | { outcome: 'unpaired' }
  /** Another tab or the service worker is sending. */
  | { outcome: 'locked' };

export interface SyncEngine {
  /** Sends what is pending now. `waitMs`: how long to wait for the lock when another sender holds it. */
  drain(options?: { waitMs?: number }): Promise<DrainReport>;
}

const encoder = new TextEncoder();
const byteLength = (body: unknown) => encoder.encode(JSON.stringify(body)).byteLength;
/** Room for the `client` member and the envelope around the visits. */
const ENVELOPE_BYTES = 1024;

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const { db, settings, now } = deps;
  const transport: TransportDeps = { ...deps, baseUrl: deps.baseUrl ?? '' };
  let failures = 0;
  let lastContactAt: number | null = null;
  let lastPurgeAt: number | null = null;

  const failed = (reason: string): DrainReport => {
    failures++;
    return { outcome: 'failed', retryAt: now() + backoffDelay(failures, deps.random), reason };
  };

  /** Shrinks a batch until its body fits in 1 MiB; a single visit always fits (a note is ≤ 280 characters). */
  function fitToBodyLimit(visits: VisitRecord[]): VisitRecord[] {
    let batch = visits;
    while (batch.length > 1 && byteLength(batch) + ENVELOPE_BYTES > MAX_BODY_BYTES) {
      batch = batch.slice(0, Math.ceil(batch.length / 2));
    }
    return batch;
  }

  async function send(token: string): Promise<DrainReport> {
    if (failures > 0 && !(await cityReachable(transport, HEALTH_TIMEOUT_MS))) return failed('city unreachable');
    let limit = MAX_BATCH_VISITS;
    let done = 0;
    for (;;) {
      const waiting = await summarizePending(db);
      deps.onProgress?.({ done, total: done + waiting.pending });
      const pending = waiting.pending > 0 ? await readPendingBatch(db, limit) : [];
      const client = { appVersion: deps.appVersion, ...waiting };
      const heartbeatDue = lastContactAt === null || now() - lastContactAt >= HEARTBEAT_MS;
      if (pending.length === 0 && !heartbeatDue) return finished();
      const visits = fitToBodyLimit(pending.map(toWire));
      const answer = await postSync(transport, token, { visits, client }, SYNC_TIMEOUT_MS);
      switch (answer.kind) {
        case 'answered': {
          await acknowledge(db, visits, answer.results);
          failures = 0;
          lastContactAt = now();
          await settings.set('lastSyncAt', new Date(lastContactAt).toISOString());
          done += visits.length;
          if (visits.length === 0) return finished();
          break;
        }
        case 'too-large':
          if (visits.length === 1) return failed('a single visit is too large');
          limit = Math.ceil(visits.length / 2);
          break;
        case 'unauthorized':
          // A 401 for a token replaced meanwhile (paired again mid-flight) says nothing about the new one.
          if ((await settings.get('pairing'))?.token === token) await settings.set('pairingRevoked', true);
          return { outcome: 'revoked' };
        case 'retry-after':
          return { outcome: 'deferred', retryAt: now() + answer.delayMs };
        case 'failed':
          return failed(answer.reason);
      }
    }
  }

  async function finished(): Promise<DrainReport> {
    const t = now();
    if (lastPurgeAt === null || t - lastPurgeAt >= RETENTION_EVERY_MS) {
      await removeSyncedOlderThan(db, t, RETENTION_DAYS);
      lastPurgeAt = t;
    }
    return { outcome: 'done', lastSyncAt: (await settings.get('lastSyncAt')) ?? new Date(t).toISOString() };
  }

  return {
    async drain({ waitMs = 0 } = {}) {
      const pairing = await settings.get('pairing');
      if (!pairing) return { outcome: 'unpaired' };
      if ((await settings.get('pairingRevoked')) === true) return { outcome: 'revoked' };
      const held = await deps.lock.run(() => send(pairing.token), { waitMs });
      return held.acquired ? held.value : { outcome: 'locked' };
    },
  };
}
