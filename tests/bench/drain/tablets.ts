/**
 * The tablets of the sync drain benchmark, driven from Node: Chromium with a
 * profile on disk (its own IndexedDB, as on a tablet) and a page of the
 * city's origin running page/drainPage.ts. Every run gets a new profile, so
 * no run drains an IndexedDB that an earlier run filled and emptied.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import packageJson from '../../../package.json' with { type: 'json' };
import { withSyncState } from '../../../src/app/db/database.ts';
import type { Pairing } from '../../../src/app/db/settings.ts';
import type { DrainReport } from '../../../src/app/sync/engine.ts';
import { demoVisitBatches } from '../../../src/server/admin/demoData.ts';
import type { PairResponse } from '../../../src/shared/protocol.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { launchTablet } from '../tablet/browser.ts';
import { buildPageScript, PAGE_SCRIPTS } from '../tablet/bundles.ts';
import type { DrainPage, PageDrain } from './page/drainPage.ts';

/** `count` demo visits over seven days ending three days before today (the city accepts nothing from its future). */
export function queuedVisits(seed: number, count: number, today = new Date()): VisitRecord[] {
  const from = new Date(today.getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
  return [...demoVisitBatches({ seed, visits: count, from, days: 7 })].flat();
}

type InPage = { digibankDrain: DrainPage };

/** Queued visits, ready to go: `drain` sends them (timed in the page). */
export type Queued<T extends PageDrain> = { drain(): Promise<T> };

/** One tablet: a browser profile of its own with a page open at the city. */
export interface TabletPage {
  /** Queues `visits` in the app's outbox of a tablet paired as `pairing`, to be drained by the app's engine. */
  queueForEngine(pairing: PairResponse, visits: VisitRecord[]): Promise<Queued<PageDrain & { report: DrainReport }>>;
  /** Queues `visits` as one request each in a Workbox queue, to be replayed; `bytes` are the bodies queued. */
  queueForWorkbox(pairing: PairResponse, visits: VisitRecord[]): Promise<Queued<PageDrain>>;
  close(): Promise<void>;
}

export interface DrainTablets {
  /** A new tablet with a page of `origin` (the city, or the proxy in front of it): its fetches are same-origin, as the app's. */
  open(origin: string): Promise<TabletPage>;
}

let tablets = 0;

function tabletPage(page: Page, close: () => Promise<void>): TabletPage {
  const pairingOf = (pairing: PairResponse): Pairing => ({
    ...pairing,
    label: 'Benchmark tablet',
    pairedAt: new Date().toISOString(),
  });
  return {
    async queueForEngine(pairing, visits) {
      const name = `engine-${++tablets}`;
      const stored = visits.map((visit) => withSyncState({ ...visit, syncedRev: 0, syncError: null }));
      await page.evaluate(([n, p, v]) => (globalThis as unknown as InPage).digibankDrain.seedEngine(n, p, v), [
        name,
        pairingOf(pairing),
        stored,
      ] as const);
      return {
        drain: () =>
          page.evaluate(([n, version]) => (globalThis as unknown as InPage).digibankDrain.drainEngine(n, version), [
            name,
            packageJson.version,
          ] as const),
      };
    },
    async queueForWorkbox(pairing, visits) {
      const name = `workbox-${++tablets}`;
      const { bytes } = await page.evaluate(
        ([n, token, v]) => (globalThis as unknown as InPage).digibankDrain.seedWorkbox(n, token, v),
        [name, pairing.token, visits] as const,
      );
      return {
        drain: async () => {
          const replayed = await page.evaluate((n) => (globalThis as unknown as InPage).digibankDrain.replayWorkbox(n), name);
          return { ...replayed, bytes };
        },
      };
    },
    close,
  };
}

/** Builds the page script; `work` is a scratch folder for it and the tablets' profiles. */
export async function drainTablets(work: string): Promise<DrainTablets> {
  const script = await buildPageScript(PAGE_SCRIPTS.drain, join(work, 'drain-page'));
  return {
    async open(origin) {
      const profile = join(work, `drain-profile-${++tablets}`);
      const context: BrowserContext = await launchTablet(profile);
      const close = async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      };
      try {
        const page = await context.newPage();
        // Any page of the origin will do; the health check loads no app code that could drain on its own.
        await page.goto(`${origin}/healthz`);
        await page.evaluate(script);
        return tabletPage(page, close);
      } catch (error) {
        await close();
        throw error;
      }
    },
  };
}
