/**
 * The tablet is closed, reloaded or crashes at random moments while the host
 * logs visits and the app syncs them, sometimes just after the city stored a
 * batch but before the tablet heard the answer. Every visit the screen called
 * "Bewaard" is still on the tablet afterwards and reaches the city, once.
 * Seeded (ROBUSTNESS_SEED to replay; a failure names its seed) and bounded:
 * a fixed number of rounds.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { OUTCOMES, TOPICS } from '../../src/shared/taxonomy.ts';
import { pick, runSeed, seeded, withSeed } from '../helpers/seeded.ts';
import { type QuestionLog, Tablet } from './pages/tablet.ts';
import { BrowserSession, City, dayFromToday, POINTS } from './support/city.ts';
import { pairedDeviceId, storedVisits, wireVisits } from './support/tabletData.ts';

const ROUNDS = 20;
/** After a reload the host's unfinished step gives up this soon (the toast it waits for will not come). */
const STEP_TIMEOUT_MS = 5_000;
const SEED = runSeed(20261123);
/** A browser step without a timeout of its own (opening or closing a page, reading its database) gets this long. */
const BROWSER_STEP_MS = 30_000;

/** Fails with the name of a browser step that does not finish in time, instead of the whole test timing out. */
async function bounded<T>(step: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: not done after ${BROWSER_STEP_MS} ms`)), BROWSER_STEP_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

let city: City;
let browser: BrowserSession;

beforeAll(async () => {
  [city, browser] = await Promise.all([City.open(inject('cityTemplate'), inject('builds').current), BrowserSession.launch()]);
});

afterAll(async () => {
  await browser?.close();
  await city?.close();
});

type Crash = 'close' | 'reload' | 'renderer crash';

async function crash(page: Page, how: Crash): Promise<void> {
  if (how === 'reload') {
    await page.reload({ waitUntil: 'commit' }).catch(() => {});
    return;
  }
  if (how === 'renderer crash') {
    const cdp = await page.context().newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    // The crashed page never answers this command: wait for the crash instead.
    cdp.send('Page.crash').catch(() => {});
    await crashed;
  }
  await page.close();
}

test(`visits the screen called saved survive the tablet closing, reloading and crashing at random (${ROUNDS} rounds)`, {
  timeout: 300_000,
}, async () => {
  await withSeed(SEED, async (random) => {
    const context = await browser.newTablet();
    // The city's answers to a sync come late, at random: a crash in between loses the answer, not the visits.
    const lateness = seeded(SEED + 1);
    await context.route('**/api/v1/sync', async (route) => {
      const response = await route.fetch().catch(() => null);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(lateness() * 1500)));
      if (response) await route.fulfill({ response }).catch(() => {});
      else await route.abort().catch(() => {});
    });
    let tablet = new Tablet(await context.newPage());
    await tablet.open(city.origin);
    await tablet.pair(await city.pairingCode());
    await tablet.choosePoint(POINTS[0].name);

    const saidSaved: string[] = [];
    const topics = TOPICS.map((term) => term.code);
    const outcomes = OUTCOMES.map((term) => term.code).filter((code) => code !== 'left' && code !== 'referred');
    for (let round = 0; round < ROUNDS; round++) {
      if (tablet.page.isClosed()) tablet = new Tablet(await bounded(`opening a page (round ${round})`, context.newPage()));
      tablet.page.setDefaultTimeout(STEP_TIMEOUT_MS);
      await tablet.open(city.origin, '/#/');
      await tablet.todayShown();
      const logs = Math.floor(random() * 3) + 1;
      const crashAfterMs = Math.floor(random() * 2500);
      const how = pick(random, ['close', 'reload', 'renderer crash'] as const);
      let crashed = false;
      const host = (async () => {
        for (let visit = 0; visit < logs && !crashed; visit++) {
          const log: QuestionLog = { topic: pick(random, topics), outcome: pick(random, outcomes) };
          await tablet.quickLog(log);
          saidSaved.push(await tablet.savedVisitId());
        }
      })().catch(() => {
        // The tablet went down in the middle: whatever the screen had not confirmed yet was never promised.
      });
      await Promise.race([host, new Promise((resolve) => setTimeout(resolve, crashAfterMs))]);
      crashed = true;
      await bounded(`${how} (round ${round})`, crash(tablet.page, how));
      await bounded(`the host's last step (round ${round})`, host);
    }

    // Opened once more: every confirmed visit is there and, in time, at the city.
    if (!tablet.page.isClosed()) await bounded('closing the last page', tablet.page.close());
    tablet = new Tablet(await bounded('opening the page for the check', context.newPage()));
    await tablet.open(city.origin, '/#/');
    await tablet.todayShown();
    console.log(`${saidSaved.length} visits confirmed over ${ROUNDS} rounds (seed ${SEED})`);
    await context.unroute('**/api/v1/sync');
    const onTablet = await bounded('reading the visits on the tablet', storedVisits(tablet.page));
    const ids = onTablet.map((visit) => visit.id);
    expect(saidSaved.length, 'the host saw at least one "Bewaard"').toBeGreaterThan(0);
    expect(ids).toEqual(expect.arrayContaining(saidSaved));
    expect(onTablet.every((visit) => visit.topics.length === 1 && visit.outcome !== null && !visit.deleted)).toBe(true);

    await tablet.syncNow();
    await expect
      .poll(async () => (await storedVisits(tablet.page)).filter((visit) => visit.pending === 1).length, { timeout: 90_000 })
      .toBe(0);
    const coordinator = await city.coordinator();
    const exported = (await coordinator.exportedVisits(dayFromToday(-1), dayFromToday(1))).map((row) => row.id);
    expect(exported.sort()).toEqual([...ids].sort());
    const results = await coordinator.importVisits(
      (await pairedDeviceId(tablet.page)) ?? '',
      wireVisits(await storedVisits(tablet.page)),
    );
    expect(results.every((result) => result.status === 'unchanged')).toBe(true);
    await context.close();
  });
});
