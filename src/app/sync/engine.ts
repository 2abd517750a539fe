/**
 * The outbox engine: one drain sends every pending visit, oldest change
 * first, in batches of at most 500 visits and 1 MiB, while holding the outbox
 * lock, and says when to try again. It keeps no visit anywhere but in the
 * database, so a tab closed mid-send loses nothing: the next drain resends
 * and the city's idempotent writes answer `unchanged`.
 */
import { type ClientInfo, MAX_BATCH_VISITS, MAX_BODY_BYTES } from '../../shared/protocol.ts';
import type { VisitRecord } from '../../shared/visit.ts';
import { type CheckinDatabase, toWire } from '../db/database.ts';
import { acknowledge } from './acknowledge.ts';
import { backoffDelay } from './backoff.ts';
import { readPendingBatch, removeSyncedOlderThan, summarizePending } from './outbox.ts';
import { HEALTH_TIMEOUT_MS, HEARTBEAT_MS, RETENTION_DAYS, RETENTION_EVERY_MS, SYNC_TIMEOUT_MS } from './policy.ts';
import type { Clock, Compress, FetchLike, Random, SendLock, SyncSettings, Timers } from './ports.ts';
import { cityReachable, encodeSyncBody, postSync, type SyncBody, type TransportDeps } from './transport.ts';

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
/** Room for the `client` member and the envelope around the visits. */
const ENVELOPE_BYTES = 1024;

/** A batch ready to go, built while the previous batch was in flight. */
type Prepared = SyncBody;

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

  /**
   * Reads the next pending visits, oldest change first, after the batch
   * `after` still in flight, and encodes them, halving the batch until its body fits
   * in 1 MiB (a single visit always fits: a note is ≤ 280 characters).
   * `pending` is what the heartbeat reports as still waiting.
   */
  async function prepare(after: VisitRecord[], limit: number, pending: number): Promise<Prepared> {
    let visits = (await readPendingBatch(db, limit, after)).map(toWire);
    for (;;) {
      const client: ClientInfo = {
        appVersion: deps.appVersion,
        pending: Math.max(pending, visits.length),
        oldestPendingAt: visits[0]?.updatedAt ?? null,
      };
      const json = encoder.encode(JSON.stringify({ visits, client }));
      if (visits.length <= 1 || json.byteLength + ENVELOPE_BYTES <= MAX_BODY_BYTES) {
        return encodeSyncBody(transport, { visits, client }, json);
      }
      visits = visits.slice(0, Math.ceil(visits.length / 2));
    }
  }

  /**
   * Sends batch after batch. While one batch is in flight the tablet
   * acknowledges the one before and encodes the one after, so the tablet's
   * work and the city's overlap; still only one request is in flight.
   */
  async function send(token: string): Promise<DrainReport> {
    if (failures > 0 && !(await cityReachable(transport, HEALTH_TIMEOUT_MS))) return failed('city unreachable');
    let limit = MAX_BATCH_VISITS;
    let done = 0;
    // Counted once per drain (counting per batch costs as much as reading the batch); visits saved meanwhile are found at the end.
    let total = (await summarizePending(db)).pending;
    let current = await prepare([], limit, total);
    // The previous batch's answer, being written while the current batch is in flight.
    let acknowledging: Promise<unknown> = Promise.resolve();
    deps.onProgress?.({ done, total: Math.max(total, current.visits.length) });
    for (;;) {
      if (current.visits.length === 0) {
        const heartbeatDue = lastContactAt === null || now() - lastContactAt >= HEARTBEAT_MS;
        if (!heartbeatDue) return finished();
      }
      const sent = current;
      const flight = postSync(transport, token, sent, SYNC_TIMEOUT_MS);
      // Once the previous answer is written, the outbox starts with this batch: the next one follows it.
      const following =
        sent.visits.length > 0
          ? acknowledging.then(() => prepare(sent.visits, limit, total - done - sent.visits.length))
          : Promise.resolve(null);
      const answer = await flight;
      await following;
      switch (answer.kind) {
        case 'answered': {
          failures = 0;
          lastContactAt = now();
          acknowledging = acknowledge(db, sent.visits, answer.results);
          await settings.set('lastSyncAt', new Date(lastContactAt).toISOString());
          done += sent.visits.length;
          deps.onProgress?.({ done, total: Math.max(total, done) });
          let next = await following;
          if (!next || next.visits.length === 0) {
            await acknowledging;
            if (sent.visits.length === 0) return finished();
            // Visits edited or saved during the drain moved to the end of the outbox: one more look from the start.
            total = done + (await summarizePending(db)).pending;
            next = await prepare([], limit, total - done);
            if (next.visits.length === 0) return finished();
          }
          current = next;
          break;
        }
        case 'too-large':
          if (sent.visits.length <= 1) return failed('a single visit is too large');
          limit = Math.ceil(sent.visits.length / 2);
          current = await prepare([], limit, total - done);
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
