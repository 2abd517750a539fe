// @vitest-environment node
/**
 * A tablet whose clock is a year off, against the real city endpoint. The
 * city judges visits by the protocol's rules, on its own clock: a visit that
 * arrives "a year from now" is rejected (more than 24 h in the future) and the
 * tablet flags it for the host and keeps it; a visit from "a year ago" is
 * accepted as written. Versions of one visit are never ordered by their
 * timestamps, only by rev: an edit made after the clock jumped back a year
 * still replaces the one before it, and a same-rev copy with a later time
 * does not win.
 */
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { withSyncState } from '../../../src/app/db/database.ts';
import { needsAttention, summarizeOutbox } from '../../../src/app/sync/outbox.ts';
import type { LogAnswers } from '../../../src/app/visits/logAnswers.ts';
import type { WriteResult } from '../../../src/app/visits/writeVisit.ts';
import { type ListeningCity, startListeningCity } from '../../helpers/listeningCity.ts';
import { type NetworkTablet, pairNetworkTablet } from '../../helpers/networkTablet.ts';
import { seeded } from '../../helpers/seeded.ts';
import { FakeTime } from '../sync/fakeTime.ts';

const YEAR_MS = 365 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const ANSWERS: LogAnswers = {
  kind: 'question',
  topics: ['itsme'],
  device: null,
  problem: null,
  outcome: 'resolved',
  referredTo: null,
};

let city: ListeningCity | undefined;
afterEach(async () => {
  await city?.close();
  city = undefined;
});

const saved = (result: WriteResult): string => {
  if (!result.ok) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.visit.id;
};

interface Skewed {
  tablet: NetworkTablet;
  cityTime: FakeTime;
  tabletTime: FakeTime;
  /** The ids of the visits in each sync request the tablet sent. */
  sent: string[][];
}

/** The ids in a sync request body (gzip or plain). */
function idsSent(init: RequestInit): string[] {
  const bytes = Buffer.from(init.body as Uint8Array);
  const plain = new Headers(init.headers).get('content-encoding') === 'gzip' ? gunzipSync(bytes) : bytes;
  return (JSON.parse(plain.toString('utf8')) as { visits: { id: string }[] }).visits.map((v) => v.id);
}

/** The city on the right time, and a tablet whose clock is `skewMs` off. */
async function skewedTablet(skewMs: number): Promise<Skewed> {
  const sent: string[][] = [];
  const cityTime = new FakeTime('2026-11-23T10:00:00+01:00');
  const tabletTime = new FakeTime(cityTime.now() + skewMs);
  city = await startListeningCity({ now: cityTime.now });
  const tablet = await pairNetworkTablet({
    name: `tablet-${skewMs}`,
    cityUrl: city.url,
    syncUrl: city.url,
    pairingCode: await city.pairingCode(),
    now: tabletTime.now,
    timers: tabletTime,
    random: seeded(skewMs),
    observe: (url, init) => {
      if (url.endsWith('/sync')) sent.push(idsSent(init));
    },
  });
  return { tablet, cityTime, tabletTime, sent };
}

interface CityRow {
  id: string;
  rev: number;
  people: number;
  receivedMs: number;
  updatedAt: string;
}

const cityRows = async (): Promise<CityRow[]> =>
  (await city?.store.query<CityRow>(
    `SELECT id::text AS id, rev, (record->>'people')::int AS people,
            (extract(epoch FROM received_at) * 1000)::float8 AS "receivedMs", record->>'updatedAt' AS "updatedAt"
     FROM visits ORDER BY id`,
  )) ?? [];

describe('a tablet whose clock runs a year ahead', () => {
  it('has its visits rejected as lying in the future, flagged for the host, kept, and not sent again until corrected', {
    timeout: 60_000,
  }, async () => {
    const { tablet, cityTime, tabletTime, sent } = await skewedTablet(YEAR_MS);
    const ids = [
      saved(await tablet.tablet.quickLog('predikheren', ANSWERS)),
      saved(await tablet.tablet.quickLog('predikheren', ANSWERS)),
      saved(await tablet.tablet.checkIn('predikheren')),
    ];
    expect((await tablet.engine.drain()).outcome).toBe('done');

    const stored = await tablet.db.visits.bulkGet(ids);
    expect(stored.map((v) => v?.syncError?.errors.map((e) => [e.field, e.code]))).toEqual([
      [['arrivedAt', 'future']],
      [['arrivedAt', 'future']],
      [['arrivedAt', 'future']],
    ]);
    expect(stored.every((v) => v && needsAttention(v) && v.pending === 0)).toBe(true);
    expect(await summarizeOutbox(tablet.db)).toMatchObject({ pending: 0, attention: 3 });
    expect(await cityRows()).toEqual([]);

    // A month passes: the flagged visits are neither sent again nor cleared away.
    const requestsBefore = sent.length;
    await cityTime.advance(30 * DAY_MS);
    await tabletTime.advance(30 * DAY_MS);
    expect((await tablet.engine.drain()).outcome).toBe('done');
    expect(sent.slice(requestsBefore).flat()).toEqual([]);
    expect(await tablet.db.visits.count()).toBe(3);
    expect(await cityRows()).toEqual([]);

    // The host corrects the arrival time of one (the tablet's clock is still wrong): it travels again and is stored.
    const corrected = new Date(cityTime.now() - 60 * 60_000).toISOString();
    saved(await tablet.tablet.editVisit(ids[0] ?? '', { arrivedAt: corrected, endedAt: corrected }));
    expect((await tablet.engine.drain()).outcome).toBe('done');
    expect((await cityRows()).map((r) => r.id)).toEqual([ids[0]]);
    expect(await summarizeOutbox(tablet.db)).toMatchObject({ pending: 0, attention: 2 });
  });
});

describe('a tablet whose clock runs a year behind', () => {
  it('has its visits accepted as written, with the city recording when they really arrived', { timeout: 60_000 }, async () => {
    const { tablet, cityTime } = await skewedTablet(-YEAR_MS);
    const id = saved(await tablet.tablet.quickLog('predikheren', ANSWERS));
    expect((await tablet.engine.drain()).outcome).toBe('done');

    expect(await summarizeOutbox(tablet.db)).toMatchObject({ pending: 0, attention: 0 });
    const [row] = await cityRows();
    expect(row?.id).toBe(id);
    // The visit says a year ago; the city's own receipt time shows the skew to anyone who looks.
    expect((row?.receivedMs ?? 0) - Date.parse(row?.updatedAt ?? '')).toBeGreaterThan(YEAR_MS - DAY_MS);
    expect(row?.receivedMs).toBe(cityTime.now());
  });

  it('cannot finish a visit "before" it began: the tablet refuses the write and the visit stays as it was', {
    timeout: 60_000,
  }, async () => {
    const { tablet, tabletTime } = await skewedTablet(0);
    const id = saved(await tablet.tablet.checkIn('predikheren'));
    await tabletTime.advance(-YEAR_MS); // the tablet lost its clock overnight
    const finish = await tablet.tablet.finishVisit(id, ANSWERS);
    expect(finish).toMatchObject({
      ok: false,
      problem: 'invalid',
      errors: expect.arrayContaining([expect.objectContaining({ field: 'endedAt', code: 'order' })]),
    });
    expect(await tablet.db.visits.get(id)).toMatchObject({ rev: 1, endedAt: null });
  });
});

describe('versions of one visit from a tablet whose clock jumps', () => {
  it('are ordered by rev, never by their timestamps', { timeout: 60_000 }, async () => {
    const { tablet, tabletTime } = await skewedTablet(-YEAR_MS);
    const id = saved(await tablet.tablet.quickLog('predikheren', ANSWERS));
    expect((await tablet.engine.drain()).outcome).toBe('done');

    // The clock jumps to a year ahead, and the host corrects the visit: rev 2.
    await tabletTime.advance(2 * YEAR_MS);
    saved(await tablet.tablet.editVisit(id, { people: 3 }));
    expect((await tablet.engine.drain()).outcome).toBe('done');
    const second = await tablet.db.visits.get(id);
    if (!second) throw new Error('visit expected');

    // The clock is set right, and the host corrects it again: rev 3 is dated a year before rev 2, and still replaces it.
    await tabletTime.advance(-YEAR_MS);
    saved(await tablet.tablet.editVisit(id, { people: 5 }));
    expect((await tablet.engine.drain()).outcome).toBe('done');
    expect(await cityRows()).toMatchObject([{ id, rev: 3, people: 5 }]);

    // The tablet is restored from a backup holding rev 2 (dated a year after rev 3): stale, nothing changes.
    await tablet.db.visits.put(withSyncState({ ...second, syncedRev: 0 }));
    expect((await tablet.engine.drain()).outcome).toBe('done');
    expect(await cityRows()).toMatchObject([{ id, rev: 3, people: 5 }]);

    // On the restored tablet the host edits that visit: a rev 3 of other content. A conflict the host is
    // shown, whatever its time says; the city keeps what it had.
    saved(await tablet.tablet.editVisit(id, { people: 7 }));
    expect((await tablet.engine.drain()).outcome).toBe('done');
    const flagged = await tablet.db.visits.get(id);
    expect(flagged?.syncError?.errors).toMatchObject([{ field: 'rev', code: 'conflict' }]);
    expect(flagged && needsAttention(flagged)).toBe(true);
    expect(await cityRows()).toMatchObject([{ id, rev: 3, people: 5 }]);
  });
});
