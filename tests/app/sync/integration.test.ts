// @vitest-environment node
/**
 * The tablet's engine over fake-indexeddb against the real city endpoint
 * (in-process Fastify over PGlite), on a network that cuts the connection at
 * random points: before a request arrives, after the city stored it but
 * before the answer arrives, or halfway through the answer. The host keeps
 * editing and deleting visits meanwhile, also while batches are in flight.
 * In the end the city holds exactly the tablet's visits at their highest
 * revs: none twice, none missing.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { type StoredVisit, withSyncState } from '../../../src/app/db/database.ts';
import type { DrainReport } from '../../../src/app/sync/engine.ts';
import { platformGzip } from '../../../src/app/sync/gzip.ts';
import { readPendingBatch } from '../../../src/app/sync/outbox.ts';
import type { FetchLike } from '../../../src/app/sync/ports.ts';
import { buildApp } from '../../../src/server/app.ts';
import { toLocalTimestamp } from '../../../src/shared/time.ts';
import { addPoint, CHEAP_SCRYPT, pairTablet, signIn, TestClock } from '../../server/helpers/app.ts';
import { freshStore } from '../../server/helpers/stores.ts';
import { logVisits, setUpTablet, type Tablet } from './tablet.ts';

/** A small seeded generator, so a failing run can be replayed exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261122;
const VISITS = 2_000;
const OUTCOMES = ['resolved', 'partly', 'follow-up', 'not-resolved'] as const;

let app: FastifyInstance | undefined;
afterAll(async () => {
  await app?.close();
});

/** Forwards the engine's fetch into the app in-process, cutting the connection where the dice say so. */
function flakyNetwork(city: FastifyInstance, random: () => number, beforeSync: () => Promise<void>): FetchLike {
  return async (url, init) => {
    const roll = random();
    if (roll < 0.12) throw new TypeError('Failed to fetch'); // cut before the request arrives
    if (url.endsWith('/sync')) await beforeSync();
    const body = init.body instanceof Uint8Array ? Buffer.from(init.body) : undefined;
    const answer = await city.inject({
      method: init.method as 'GET' | 'POST',
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      ...(body ? { payload: body } : {}),
    });
    if (roll < 0.24) throw new TypeError('network connection was lost'); // stored, answer lost
    const text = roll < 0.3 ? answer.body.slice(0, Math.floor(answer.body.length / 2)) : answer.body;
    return new Response(text, { status: answer.statusCode, headers: { 'content-type': String(answer.headers['content-type']) } });
  };
}

/**
 * The host corrects or deletes a visit, as the use cases write it: a new rev
 * in one transaction. `inFlight`: one of the oldest pending visits, which the
 * batch on its way right now holds.
 */
async function hostChanges(tablet: Tablet, random: () => number, inFlight = false): Promise<void> {
  const ids = inFlight
    ? (await readPendingBatch(tablet.db, 20)).map((v) => v.id)
    : ((await tablet.db.visits.toCollection().primaryKeys()) as string[]);
  const id = ids[Math.floor(random() * ids.length)];
  if (!id) return;
  await tablet.db.transaction('rw', tablet.db.visits, async () => {
    const current = await tablet.db.visits.get(id);
    if (!current || current.deleted) return;
    const roll = random();
    const change: Partial<StoredVisit> =
      roll < 0.2
        ? { deleted: true }
        : roll < 0.6
          ? { outcome: OUTCOMES[Math.floor(random() * OUTCOMES.length)] ?? 'resolved' }
          : { people: 1 + Math.floor(random() * 4), barrier: random() < 0.5 };
    const updatedAt = toLocalTimestamp(tablet.time.now(), 60);
    await tablet.db.visits.put(withSyncState({ ...current, ...change, rev: current.rev + 1, syncError: null, updatedAt }));
  });
}

describe('2,000 visits over a network that keeps cutting out', () => {
  it('reach the city exactly once each, at their highest revs', { timeout: 180_000 }, async () => {
    const random = seeded(SEED);
    const tablet = await setUpTablet();
    const store = await freshStore('pglite');
    app = await buildApp({
      store,
      now: () => new Date(tablet.time.now()),
      randomBytes: (size) => randomBytes(size),
      logger: false,
      config: { passwordCost: CHEAP_SCRYPT },
    });
    await app.ready();
    const server = { app, store, clock: new TestClock() };
    const cookie = await signIn(server);
    await addPoint(server, cookie);
    const paired = await pairTablet(server, cookie, 'Predikheren 1');
    await tablet.settings.set('pairing', {
      deviceId: paired.deviceId,
      token: paired.token,
      label: 'Predikheren 1',
      pairedAt: new Date(tablet.time.now()).toISOString(),
    });

    await logVisits(tablet, VISITS);
    let editsInFlight = 0;
    const fetch = flakyNetwork(app, random, async () => {
      if (random() < 0.3) {
        editsInFlight++;
        await hostChanges(tablet, random, true);
      }
    });
    const engine = tablet.engine({ fetch, compress: platformGzip(), random });

    const outcomes: DrainReport['outcome'][] = [];
    for (let round = 0; round < 400; round++) {
      // Between attempts the host keeps working for a while.
      if (round < 40) for (let n = 0; n < 5; n++) await hostChanges(tablet, random);
      const report = await engine.drain();
      outcomes.push(report.outcome);
      const pending = (await tablet.db.visits.toArray()).filter((v) => v.pending === 1).length;
      if (round >= 40 && report.outcome === 'done' && pending === 0) break;
      if (report.outcome === 'failed' || report.outcome === 'deferred') {
        await tablet.time.advance(Math.max(0, report.retryAt - tablet.time.now()));
      } else {
        await tablet.time.advance(1_000);
      }
    }

    const onTablet = await tablet.db.visits.toArray();
    const inCity = await store.query<{ id: string; rev: number; deleted: boolean; device_id: string; record: StoredVisit }>(
      'SELECT id::text AS id, rev, deleted, device_id, record FROM visits ORDER BY id',
    );
    expect(outcomes.at(-1)).toBe('done');
    expect(outcomes.filter((o) => o === 'failed').length).toBeGreaterThan(5);
    expect(editsInFlight).toBeGreaterThan(0);
    expect(onTablet).toHaveLength(VISITS);
    expect(onTablet.every((v) => v.pending === 0 && v.syncedRev === v.rev && v.syncError === null)).toBe(true);
    expect(onTablet.some((v) => v.rev > 2)).toBe(true);
    expect(onTablet.some((v) => v.deleted)).toBe(true);

    expect(inCity).toHaveLength(VISITS);
    expect(new Set(inCity.map((row) => row.id)).size).toBe(VISITS);
    const cityById = new Map(inCity.map((row) => [row.id, row]));
    const mismatches = onTablet.filter((visit) => {
      const row = cityById.get(visit.id.toLowerCase());
      return (
        !row ||
        row.rev !== visit.rev ||
        row.deleted !== visit.deleted ||
        row.device_id !== paired.deviceId ||
        row.record.outcome !== visit.outcome ||
        row.record.people !== visit.people ||
        row.record.barrier !== visit.barrier
      );
    });
    expect(mismatches).toEqual([]);
  });
});
