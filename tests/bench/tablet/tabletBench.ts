/**
 * The tablet in Chromium: a production build served by the real city
 * (PGlite), a first load on an empty profile, then the tablet is paired and
 * given a day of visits with the app's own modules, the city is stopped and
 * the browser goes offline, and the app is opened again and again from its
 * service worker, with and without 4× CPU throttling. Last, saving one visit
 * (the check-in use case) with strict and with relaxed IndexedDB durability.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { withSyncState } from '../../../src/app/db/database.ts';
import { DEMO_POINTS } from '../../../src/server/admin/demoPoints.ts';
import { queuedVisits } from '../drain/tablets.ts';
import { startCity } from '../lib/city.ts';
import { addDemoPoints, pairTablet, signIn } from '../lib/cityApi.ts';
import { percentile, type Spread, spread } from '../lib/summary.ts';
import { launchTablet } from './browser.ts';
import { buildApp, buildPageScript, PAGE_SCRIPTS } from './bundles.ts';
import { type FirstLoadFigures, measureFirstLoad } from './firstLoad.ts';
import { offlineStarts, type StartRun, WATCH_FOR_HOME } from './offlineStart.ts';
import type { BenchPage } from './page/benchPage.ts';

export interface TabletSizes {
  startRuns: number;
  saves: number;
  saveRounds: number;
  /** synced visits of the last two weeks on the tablet, and visitors waiting today */
  history: number;
  waiting: number;
}

export interface SaveFigures {
  p50Ms: Spread;
  p95Ms: Spread;
}

export interface TabletFigures {
  chromium: string;
  firstLoad: FirstLoadFigures;
  offlineStart: { unthrottledMs: Spread; throttledMs: Spread; throttle: number; runs: StartRun[] };
  saves: { count: number; strict: SaveFigures; relaxed: SaveFigures; strictOverRelaxedP50: number };
}

const THROTTLE = 4;
const POINT = DEMO_POINTS[0] as (typeof DEMO_POINTS)[number];

type PageBench = { digibankBench: BenchPage };

async function seedTablet(context: BrowserContext, origin: string, pageScript: string, settings: object, sizes: TabletSizes) {
  const page = await context.newPage();
  await page.goto(origin, { waitUntil: 'load' });
  await page.evaluate(pageScript);
  const history = queuedVisits(99, sizes.history).map((visit) =>
    withSyncState({ ...visit, pointId: POINT.id, syncedRev: visit.rev, syncError: null }),
  );
  await page.evaluate(([s, h, p, w]) => (globalThis as unknown as PageBench).digibankBench.seed(s, h, p, w), [
    settings,
    history,
    POINT.id,
    sizes.waiting,
  ] as const);
  // The app shows the home screen with those visits: what every offline start below must reach.
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('.today-lists', { timeout: 60_000 });
  await page.close();
}

async function measureSaves(context: BrowserContext, origin: string, pageScript: string, sizes: TabletSizes) {
  const page = await context.newPage();
  await page.goto(origin, { waitUntil: 'load' });
  await page.evaluate(pageScript);
  const rounds: Record<'strict' | 'relaxed', number[][]> = { strict: [], relaxed: [] };
  for (let round = 0; round < sizes.saveRounds; round++) {
    const order = round % 2 === 0 ? (['strict', 'relaxed'] as const) : (['relaxed', 'strict'] as const);
    for (const durability of order) {
      const times = await page.evaluate(([d, n]) => (globalThis as unknown as PageBench).digibankBench.saves(d, n, 20), [
        durability,
        sizes.saves,
      ] as const);
      rounds[durability].push(times);
    }
  }
  await page.close();
  const figures = (runs: number[][]): SaveFigures => ({
    p50Ms: spread(runs.map((t) => percentile(t, 0.5))),
    p95Ms: spread(runs.map((t) => percentile(t, 0.95))),
  });
  const strict = figures(rounds.strict);
  const relaxed = figures(rounds.relaxed);
  return { count: sizes.saves, strict, relaxed, strictOverRelaxedP50: strict.p50Ms.median / relaxed.p50Ms.median };
}

export async function tabletBench(sizes: TabletSizes, log: (line: string) => void): Promise<TabletFigures> {
  const work = mkdtempSync(join(tmpdir(), 'digibank-bench-tablet-'));
  const buildDir = join(work, 'app');
  try {
    log('tablet: building the app and the page script');
    await buildApp(buildDir);
    const pageScript = await buildPageScript(PAGE_SCRIPTS.tablet, join(work, 'page'));
    const city = await startCity('pglite', { staticDir: buildDir });
    let context: BrowserContext | null = null;
    try {
      context = await launchTablet(join(work, 'profile'));
      const blank = await context.newPage();
      const chromium = (await blank.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)?.[0] ?? 'unknown';
      await blank.close();
      await context.addInitScript({ content: WATCH_FOR_HOME });
      log('tablet: first load');
      const firstLoad = await measureFirstLoad(context, city.origin, buildDir);
      const coordinator = await signIn(city);
      await addDemoPoints(coordinator);
      const pairing = await pairTablet(coordinator, 'Benchmark tablet');
      const settings = {
        pairing: { ...pairing, label: 'Benchmark tablet', pairedAt: new Date().toISOString() },
        points: [{ id: POINT.id, name: POINT.name }],
        pointId: POINT.id,
      };
      await seedTablet(context, city.origin, pageScript, settings, sizes);

      log('tablet: offline starts');
      await city.stop(); // nothing answers on the network any more
      await context.setOffline(true);
      const runs = await offlineStarts(context, city.origin, sizes.startRuns, [1, THROTTLE]);
      const at = (throttle: number) => spread(runs.filter((r) => r.throttle === throttle).map((r) => r.interactiveMs));

      log('tablet: IndexedDB saves');
      const saves = await measureSaves(context, city.origin, pageScript, sizes);
      return {
        chromium,
        firstLoad,
        offlineStart: { unthrottledMs: at(1), throttledMs: at(THROTTLE), throttle: THROTTLE, runs },
        saves,
      };
    } finally {
      await context?.close();
      await city.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
