// @vitest-environment node
/**
 * Three tablets at three points log 5,000 visits between them, correct and
 * delete some (also while a batch is on its way), and sync through a real
 * HTTP proxy that drops connections, loses the city's answers after it
 * stored the visits, cuts and truncates answers, stalls, answers 500/502/503
 * with and without Retry-After, and plays captive portal. The clock is fake,
 * so back-offs and time-outs pass at once. In the end the city holds exactly
 * the tablets' visits at their latest revs: none twice, none missing, each
 * owned by the tablet that logged it.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredVisit } from '../../../src/app/db/database.ts';
import type { DrainReport } from '../../../src/app/sync/engine.ts';
import { summarizePending } from '../../../src/app/sync/outbox.ts';
import { SYNC_TIMEOUT_MS } from '../../../src/app/sync/policy.ts';
import type { LogAnswers } from '../../../src/app/visits/logAnswers.ts';
import type { WriteResult } from '../../../src/app/visits/writeVisit.ts';
import { type Fault, type FaultProxy, type ProxiedRequest, startFaultProxy } from '../../helpers/faultProxy.ts';
import { type ListeningCity, startListeningCity } from '../../helpers/listeningCity.ts';
import { type NetworkTablet, pairNetworkTablet } from '../../helpers/networkTablet.ts';
import { auditPrivacy } from '../../helpers/privacyAudit.ts';
import { pick, runSeed, seeded, withSeed } from '../../helpers/seeded.ts';
import { FakeTime } from '../sync/fakeTime.ts';

const VISITS = 5_000;
/** The story ends in some 70 rounds of logging and syncing; this many means the tablets are stuck. */
const MAX_ROUNDS = 3_000;
const POINTS = [
  { id: 'predikheren', name: 'Bibliotheek Het Predikheren' },
  { id: 'den-abeel', name: 'Lokaal Dienstencentrum Den Abeel' },
  { id: 'nekkerspoel', name: 'Buurthuis Nekkerspoel' },
];
const TOPICS = ['itsme', 'email', 'health', 'government', 'banking', 'photos-files'] as const;
const OUTCOMES = ['resolved', 'partly', 'follow-up', 'not-resolved'] as const;

/** What the network does to one request: roughly half pass, the rest meet every kind of trouble. */
function networkTrouble(random: () => number, path: string): Fault {
  const roll = random();
  if (path === '/healthz') {
    if (roll < 0.06) return { kind: 'drop' };
    if (roll < 0.1) return { kind: 'portal' };
    if (roll < 0.13) return { kind: 'status', status: 503 };
    return { kind: 'pass' };
  }
  const faults: [number, () => Fault][] = [
    [0.08, () => ({ kind: 'drop' })],
    [0.08, () => ({ kind: 'lose-answer' })],
    [0.04, () => ({ kind: 'cut-answer' })],
    [0.04, () => ({ kind: 'truncate-answer' })],
    [0.05, () => ({ kind: 'stall' })],
    [0.05, () => ({ kind: 'delay', ms: 1 + Math.floor(random() * 15) })],
    [0.03, () => ({ kind: 'status', status: 500 })],
    [0.03, () => ({ kind: 'status', status: 502, afterCity: true })],
    [0.03, () => ({ kind: 'status', status: 503, retryAfter: String(1 + Math.floor(random() * 30)) })],
    [0.02, () => ({ kind: 'status', status: 503, afterCity: true })],
    [0.03, () => ({ kind: 'portal' })],
  ];
  let edge = 0;
  for (const [chance, fault] of faults) {
    edge += chance;
    if (roll < edge) return fault();
  }
  return { kind: 'pass' };
}

function expectSaved(result: WriteResult): string {
  if (!result.ok) throw new Error(`the tablet did not save: ${JSON.stringify(result)}`);
  return result.visit.id;
}

/**
 * The host at one point: walk-ins logged afterwards, visitors checked in,
 * helped and finished (or gone before their turn), and a few corrections.
 * Every visit the screen would call saved goes into `saved`.
 */
async function hostWorks(tablet: NetworkTablet, pointId: string, random: () => number, newVisits: number, saved: string[]) {
  const { tablet: app } = tablet;
  const answers = (): LogAnswers => ({
    kind: 'question',
    topics: [pick(random, TOPICS)],
    device: null,
    problem: null,
    outcome: pick(random, OUTCOMES),
    referredTo: null,
  });
  for (let n = 0; n < newVisits; n++) {
    if (random() < 0.75) {
      saved.push(expectSaved(await app.quickLog(pointId, answers())));
      continue;
    }
    const id = expectSaved(await app.checkIn(pointId));
    saved.push(id);
    if (random() < 0.15) expectSaved(await app.leaveWithoutHelp(id));
    else {
      expectSaved(await app.startHelp(id));
      expectSaved(await app.finishVisit(id, answers()));
    }
  }
  for (let n = Math.floor(random() * 6); n > 0; n--) await correctOrDelete(tablet, random, saved);
  if (random() < 0.2) await typePersonalData(tablet, random, saved);
}

/** Notes with personal data the hosts tried to save: the tablet refused them, so the city must never see them. */
const REFUSED_NOTES: string[] = [];

/** A host types a phone number or e-mail address into a note: the tablet refuses it and the visit stays as it was. */
async function typePersonalData(tablet: NetworkTablet, random: () => number, among: string[]): Promise<void> {
  const id = pick(random, among);
  const note = `terugbellen op 04${String(Math.floor(random() * 1e8)).padStart(8, '0')} of mail ${tablet.name}@telenet.be`;
  const result = await tablet.tablet.editVisit(id, { note });
  expect(result).toMatchObject({ ok: false, problem: 'invalid', errors: [{ field: 'note', code: 'personal-data' }] });
  REFUSED_NOTES.push(note);
}

/** The host corrects or deletes one of `among`: a new rev, through the use cases. */
async function correctOrDelete(tablet: NetworkTablet, random: () => number, among: string[]): Promise<void> {
  if (among.length === 0) return;
  const id = pick(random, among);
  const visit = await tablet.db.visits.get(id);
  if (!visit || visit.deleted) return;
  const roll = random();
  if (roll < 0.25) expectSaved(await tablet.tablet.deleteVisit(id));
  else if (roll < 0.6)
    expectSaved(await tablet.tablet.editVisit(id, { people: 1 + Math.floor(random() * 4), barrier: random() < 0.3 }));
  else
    expectSaved(
      await tablet.tablet.editVisit(id, { note: pick(random, ['printer opnieuw ingesteld', 'wachtwoord hersteld', null]) }),
    );
}

/** The ids in a sync request on its way (gzip or plain JSON). */
function idsInRequest(request: ProxiedRequest): string[] {
  const plain = request.headers['content-encoding'] === 'gzip' ? gunzipSync(request.body) : request.body;
  const body = JSON.parse(plain.toString('utf8')) as { visits: { id: string }[] };
  return body.visits.map((visit) => visit.id);
}

let city: ListeningCity | undefined;
let proxy: FaultProxy | undefined;
afterAll(async () => {
  await proxy?.close();
  await city?.close();
});

describe('5,000 visits from three tablets through a network that fails in every way it can', () => {
  it('reach the city exactly once each, at their latest revs, owned by the tablet that logged them', { timeout: 240_000 }, () =>
    withSeed(runSeed(8_2026), async (random) => {
      const time = new FakeTime('2026-11-23T08:30:00+01:00');
      city = await startListeningCity({ now: time.now, points: POINTS });
      const cityUrl = city.url;
      // One random stream per tablet, for its host and its network, so one tablet's luck does not shift another's.
      const streams = new Map(POINTS.map((point) => [`tablet-${point.id}`, seeded(Math.floor(random() * 2 ** 31))]));
      const streamOf = (request: ProxiedRequest) => streams.get(String(request.headers['x-tablet'])) ?? random;
      let editsInFlight = 0;
      const tablets: NetworkTablet[] = [];
      proxy = await startFaultProxy({
        upstream: cityUrl,
        plan: (request) => networkTrouble(streamOf(request), request.path),
        beforeCity: async (request) => {
          const tablet = tablets.find((t) => t.name === request.headers['x-tablet']);
          const stream = streamOf(request);
          if (!tablet || !request.path.endsWith('/sync') || stream() >= 0.3) return;
          const ids = idsInRequest(request);
          if (ids.length === 0) return;
          editsInFlight++;
          await correctOrDelete(tablet, stream, ids);
        },
      });
      for (const [i, name] of [...streams.keys()].entries()) {
        const stream = streams.get(name) ?? random;
        tablets.push(
          await pairNetworkTablet({
            name,
            cityUrl,
            syncUrl: proxy.url,
            pairingCode: await city.pairingCode(),
            now: time.now,
            timers: time,
            random: stream,
          }),
        );
        expect(tablets[i]?.deviceId).toBeTruthy();
      }

      const saved = new Map(tablets.map((t) => [t.name, [] as string[]]));
      const savedOn = (tablet: NetworkTablet) => saved.get(tablet.name) ?? [];
      let logged = 0;
      const retryAt = new Map<string, number>();
      const outcomes: DrainReport['outcome'][] = [];
      const lastReports = new Map<string, DrainReport>();
      const started = time.now();
      for (let round = 0; ; round++) {
        if (round > MAX_ROUNDS) {
          const pending = await Promise.all(tablets.map(async (t) => (await summarizePending(t.db)).pending));
          throw new Error(
            `the tablets did not finish syncing in ${MAX_ROUNDS} rounds (${Math.round((time.now() - started) / 60_000)} minutes on ` +
              `their clock, ${proxy.stalled()} answers held back). Still pending: ${pending.join(', ')}. Last reports: ` +
              `${JSON.stringify(Object.fromEntries(lastReports))}. The city's last warnings: ${cityWarnings(city)}`,
          );
        }
        if (logged < VISITS) {
          for (const [i, tablet] of tablets.entries()) {
            const stream = streams.get(tablet.name) ?? random;
            const batch = Math.min(VISITS - logged, 10 + Math.floor(stream() * 40));
            await hostWorks(tablet, POINTS[i]?.id ?? 'predikheren', stream, batch, savedOn(tablet));
            logged += batch;
          }
        }
        const due = tablets.filter((t) => (retryAt.get(t.name) ?? 0) <= time.now());
        const reports = await drainTogether(due, time);
        for (const [i, report] of reports.entries()) {
          const name = due[i]?.name ?? '';
          outcomes.push(report.outcome);
          lastReports.set(name, report);
          retryAt.set(name, report.outcome === 'failed' || report.outcome === 'deferred' ? report.retryAt : 0);
        }
        const waiting = await Promise.all(tablets.map((t) => summarizePending(t.db)));
        if (logged >= VISITS && waiting.every((w) => w.pending === 0) && reports.every((r) => r.outcome === 'done')) break;
        const next = Math.min(...tablets.map((t) => retryAt.get(t.name) ?? 0).filter((at) => at > time.now()));
        await time.advance(Number.isFinite(next) ? Math.max(next - time.now(), 1_000) : 60_000);
      }

      // Every kind of trouble happened, and the story exercised what it claims to.
      for (const kind of [
        'drop',
        'lose-answer',
        'cut-answer',
        'truncate-answer',
        'stall',
        'delay',
        'status',
        'portal',
      ] as const) {
        expect(proxy.counts.get(kind) ?? 0, `${kind} faults injected`).toBeGreaterThan(0);
      }
      expect(outcomes.filter((o) => o === 'failed').length).toBeGreaterThan(20);
      expect(outcomes).toContain('deferred');
      expect(editsInFlight).toBeGreaterThan(0);

      const onTablets = new Map<string, { visit: StoredVisit; deviceId: string }>();
      for (const tablet of tablets) {
        const visits = await tablet.db.visits.toArray();
        for (const visit of visits) onTablets.set(visit.id, { visit, deviceId: tablet.deviceId });
        // Every visit the screen called saved is still on the tablet that saved it.
        expect(visits.map((v) => v.id).sort()).toEqual([...savedOn(tablet)].sort());
        expect(visits.every((v) => v.pending === 0 && v.syncedRev === v.rev && v.syncError === null)).toBe(true);
      }
      expect(onTablets.size).toBe(VISITS);
      const all = [...onTablets.values()].map((entry) => entry.visit);
      expect(all.some((v) => v.deleted)).toBe(true);
      expect(all.some((v) => v.rev > 3)).toBe(true);

      const inCity = await city.store.query<{ id: string; rev: number; deleted: boolean; device_id: string }>(
        'SELECT id::text AS id, rev, deleted, device_id FROM visits ORDER BY id',
      );
      expect(inCity).toHaveLength(VISITS);
      expect(new Set(inCity.map((row) => row.id)).size).toBe(VISITS);
      const differences = inCity.flatMap((row) => {
        const held = onTablets.get(row.id);
        if (!held) return [`${row.id} is in the city but on no tablet`];
        const { visit, deviceId } = held;
        if (row.rev !== visit.rev || row.deleted !== visit.deleted || row.device_id !== deviceId) {
          return [`${row.id}: city rev ${row.rev} deleted ${row.deleted}, tablet rev ${visit.rev} deleted ${visit.deleted}`];
        }
        return [];
      });
      expect(differences).toEqual([]);

      const tokens = tablets.map((t) => t.token);
      expect(REFUSED_NOTES.length).toBeGreaterThan(0);
      const audit = { store: city.store, logText: city.logs.text, secrets: tokens, refusedNotes: REFUSED_NOTES };
      expect(await auditPrivacy(audit)).toEqual([]);
    }),
  );
});

/**
 * All due tablets drain at once, as three tablets in three buildings would.
 * When the proxy holds an answer back, the tablets' clock runs to their
 * time-out, as it would while a host waits.
 */
/** The city's last log lines at warning level or above (it never logs visit content or tokens). */
function cityWarnings(city: ListeningCity): string {
  const level = (line: string): number => {
    try {
      return (JSON.parse(line) as { level?: number }).level ?? 0;
    } catch {
      return 0;
    }
  };
  const warnings = city.logs.lines.filter((line) => level(line) >= 40);
  return warnings.slice(-5).join('\n') || 'none';
}

async function drainTogether(tablets: NetworkTablet[], time: FakeTime): Promise<DrainReport[]> {
  let finished = false;
  const all = Promise.all(tablets.map((t) => t.engine.drain())).finally(() => {
    finished = true;
  });
  while (!finished) {
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 5))]);
    if (!finished && proxy && proxy.stalled() > 0) await time.advance(SYNC_TIMEOUT_MS);
  }
  return all;
}
