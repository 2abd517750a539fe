/**
 * Sync drain: a tablet (Chromium, its own IndexedDB) with N visits queued
 * drains them into the real city (its own process, over loopback), by the
 * project's engine and by a Workbox Background Sync replay: on the bare
 * loopback with each store, and through a proxy adding a round trip per
 * request with the embedded one (there the latency decides, not the store).
 * Every drain is checked: the city's statistics must grow by exactly the
 * visits sent, or the run fails.
 *
 * The per-request replay through the delaying proxy would take most of half
 * an hour for 10,000 visits; it is measured on a sample and extrapolated
 * linearly to N (it is strictly sequential, so its time is linear in the
 * number of requests), and the figures say so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DrainReport } from '../../../src/app/sync/engine.ts';
import { type City, type StoreKind, startCity } from '../lib/city.ts';
import { addDemoPoints, type Coordinator, pairTablet, signIn, yearStats } from '../lib/cityApi.ts';
import { type CpuShare, chromiumCpuMs, cpuMeter } from '../lib/cpu.ts';
import { startDelayProxy } from '../lib/delayProxy.ts';
import { type Spread, spread } from '../lib/summary.ts';
import type { PageDrain } from './page/drainPage.ts';
import { type DrainTablets, drainTablets, type Queued, queuedVisits, type TabletPage } from './tablets.ts';

export interface DrainSizes {
  runs: number;
  /** the stores drained into on the bare loopback; the first one also behind the delaying proxy */
  stores: StoreKind[];
  /** visits queued on the tablet */
  visits: number;
  /** visits the per-request replay sends on the bare loopback (N unless told otherwise) */
  baselineVisits: number;
  latencyMs: number;
  /** visits the per-request replay sends through the delaying proxy, extrapolated to N */
  baselineSampleAtLatency: number;
}

export interface DrainMeasure {
  visitsSent: number;
  /** timed in the page, from the call to the last answer written */
  ms: number;
  requests: number;
  bytes: number;
  /** benchMs is the driver (Node, nearly idle); tabletMs the browser's processes, null off Linux */
  cpu: CpuShare & { tabletMs: number | null };
}

export interface DrainCondition {
  store: StoreKind;
  latencyMs: number;
  visits: number;
  engine: { ms: Spread; requests: number; bytes: number; runs: DrainMeasure[] };
  baseline: {
    /** time for all N visits: measured, or extrapolated from `sampleVisits` */
    ms: Spread;
    extrapolated: boolean;
    sampleVisits: number;
    requests: number;
    bytes: number;
    runs: DrainMeasure[];
  };
  /** baseline time ÷ engine time, per run */
  speedup: Spread;
}

export interface DrainFigures {
  conditions: DrainCondition[];
}

let seed = 7_000;

async function statsCount(coordinator: Coordinator): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
  return (await yearStats(coordinator, from, today)).totals.visits;
}

/** Checks that the city now holds exactly the visits sent (deleted ones leave the counts). */
async function expectDelivered(coordinator: Coordinator, before: number, visits: { deleted: boolean }[], who: string) {
  const after = await statsCount(coordinator);
  const expected = visits.filter((v) => !v.deleted).length;
  if (after - before !== expected) {
    throw new Error(`${who}: the city counts ${after - before} new visits, ${expected} were sent`);
  }
}

/**
 * Times one drain of visits already queued on a tablet and checks it: every visit left the tablet, none was
 * refused, the city counts them all. The CPU figures cover the drain only, not the queueing before it.
 */
async function measured(
  city: City,
  coordinator: Coordinator,
  visits: { deleted: boolean }[],
  who: string,
  queued: Queued<PageDrain & { report?: DrainReport }>,
): Promise<DrainMeasure> {
  const before = await statsCount(coordinator);
  const meter = await cpuMeter(city);
  const tabletBefore = chromiumCpuMs();
  const drained = await queued.drain();
  const tabletAfter = chromiumCpuMs();
  const cpu = await meter();
  const outcome = drained.report?.outcome ?? 'done';
  if (drained.left !== 0 || drained.failed > 0 || outcome !== 'done') {
    const errors = city.errors().slice(-3).join('\n');
    throw new Error(
      `${who} did not drain: ${drained.left} left, ${drained.failed} refused ${JSON.stringify(drained.report ?? '')}\n${errors}`,
    );
  }
  await expectDelivered(coordinator, before, visits, who);
  const tabletMs = tabletBefore === null || tabletAfter === null ? null : tabletAfter - tabletBefore;
  return {
    visitsSent: visits.length,
    ms: drained.ms,
    requests: drained.requests,
    bytes: drained.bytes,
    cpu: { ...cpu, tabletMs },
  };
}

async function engineRun(city: City, coordinator: Coordinator, tablet: TabletPage, visits: number): Promise<DrainMeasure> {
  const pairing = await pairTablet(coordinator, 'Engine tablet');
  const queued = queuedVisits(++seed, visits);
  return measured(city, coordinator, queued, 'the engine', await tablet.queueForEngine(pairing, queued));
}

async function baselineRun(city: City, coordinator: Coordinator, tablet: TabletPage, visits: number): Promise<DrainMeasure> {
  const pairing = await pairTablet(coordinator, 'Workbox tablet');
  const queued = queuedVisits(++seed, visits);
  return measured(city, coordinator, queued, 'the Workbox replay', await tablet.queueForWorkbox(pairing, queued));
}

/** Runs `work` on a new tablet at `origin`, closed afterwards. */
async function onNewTablet<T>(tablets: DrainTablets, origin: string, work: (tablet: TabletPage) => Promise<T>): Promise<T> {
  const tablet = await tablets.open(origin);
  try {
    return await work(tablet);
  } finally {
    await tablet.close();
  }
}

async function condition(
  city: City,
  coordinator: Coordinator,
  tablets: DrainTablets,
  sizes: DrainSizes,
  latencyMs: number,
): Promise<DrainCondition> {
  const proxy = latencyMs > 0 ? await startDelayProxy(city.origin, latencyMs) : null;
  const origin = proxy?.origin ?? city.origin;
  const sample = latencyMs > 0 ? Math.min(sizes.baselineSampleAtLatency, sizes.visits) : sizes.baselineVisits;
  const engineRuns: DrainMeasure[] = [];
  const baselineRuns: DrainMeasure[] = [];
  try {
    for (let run = 0; run < sizes.runs; run++) {
      // Alternate who goes first, so neither always meets a warmer or a bigger database.
      const engine = () => onNewTablet(tablets, origin, (tablet) => engineRun(city, coordinator, tablet, sizes.visits));
      if (run % 2 === 0) engineRuns.push(await engine());
      baselineRuns.push(await onNewTablet(tablets, origin, (tablet) => baselineRun(city, coordinator, tablet, sample)));
      if (run % 2 === 1) engineRuns.push(await engine());
    }
  } finally {
    await proxy?.close();
  }
  const scale = sizes.visits / sample;
  const baselineMs = baselineRuns.map((r) => r.ms * scale);
  const engineMs = engineRuns.map((r) => r.ms);
  return {
    store: city.kind,
    latencyMs,
    visits: sizes.visits,
    engine: {
      ms: spread(engineMs),
      requests: engineRuns[0]?.requests ?? 0,
      bytes: engineRuns[0]?.bytes ?? 0,
      runs: engineRuns,
    },
    baseline: {
      ms: spread(baselineMs),
      extrapolated: sample !== sizes.visits,
      sampleVisits: sample,
      requests: Math.round((baselineRuns[0]?.requests ?? 0) * scale),
      bytes: Math.round((baselineRuns[0]?.bytes ?? 0) * scale),
      runs: baselineRuns,
    },
    speedup: spread(engineMs.map((ms, i) => (baselineMs[i] ?? Number.NaN) / ms)),
  };
}

export async function drainBench(sizes: DrainSizes, log: (line: string) => void): Promise<DrainFigures> {
  const work = mkdtempSync(join(tmpdir(), 'digibank-bench-drain-'));
  const conditions: DrainCondition[] = [];
  try {
    log('sync drain: building the page script');
    const tablets = await drainTablets(work);
    for (const [index, store] of sizes.stores.entries()) {
      const city = await startCity(store);
      try {
        const coordinator = await signIn(city);
        await addDemoPoints(coordinator);
        for (const latencyMs of index === 0 ? [0, sizes.latencyMs] : [0]) {
          log(`sync drain into ${store}: ${sizes.visits} visits, +${latencyMs} ms per request`);
          conditions.push(await condition(city, coordinator, tablets, sizes, latencyMs));
        }
      } finally {
        await city.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { conditions };
}
