/**
 * The city deploys a new version (with a new database schema on the tablet)
 * while a tablet holds visits that have not reached the city yet. The app
 * says "Nieuwe versie beschikbaar — Vernieuwen", not while a visit is being
 * logged, switches only when the host taps it, and loses nothing.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { Tablet } from './pages/tablet.ts';
import { axeFindings, screenshot, smallTargets } from './support/audit.ts';
import { CURRENT_VERSION, NEXT_VERSION } from './support/builds.ts';
import { BrowserSession, City, POINTS } from './support/city.ts';
import { pairedDeviceId, readTabletDatabase, wireVisits } from './support/tabletData.ts';

let city: City;
let browser: BrowserSession;

beforeAll(async () => {
  [city, browser] = await Promise.all([City.open(inject('cityTemplate'), inject('builds').current), BrowserSession.launch()]);
});

afterAll(async () => {
  await browser?.close();
  await city?.close();
});

test('a new version waits for the host, and pending visits survive the switch and its schema upgrade', async () => {
  const context = await browser.newTablet();
  const tablet = new Tablet(await context.newPage());
  await tablet.open(city.origin);
  await tablet.waitForServiceWorkerControl();
  await tablet.pair(await city.pairingCode());
  await tablet.choosePoint(POINTS[0].name);

  // The city's sync endpoint cannot be reached today: visits wait on the tablet.
  await context.route('**/api/v1/sync', (route) => route.abort('connectionrefused'));
  await tablet.quickLog({ topic: 'banking', outcome: 'resolved' });
  await tablet.checkIn(2);
  const before = await readTabletDatabase(tablet.page);
  expect(before.visits.map((visit) => visit.pending)).toEqual([1, 1]);

  // The city deploys the next version; the tablet finds it when the app is opened again.
  await city.server.stop();
  await city.server.start(inject('builds').next);
  await tablet.page.reload();
  await tablet.todayShown();
  await tablet.updatePrompt.waitFor({ timeout: 60_000 });
  await screenshot(tablet.page, 'tablet-nl-update-prompt');
  expect(await axeFindings(tablet.page)).toEqual([]);
  expect(await smallTargets(tablet.page)).toEqual([]);
  await tablet.openSettings();
  expect(await tablet.appVersion()).toBe(CURRENT_VERSION);
  await expect.poll(() => tablet.updatePrompt.isVisible()).toBe(true);

  // Logging a visit is never interrupted: the offer steps aside and nothing switches by itself.
  await tablet.goToday();
  await tablet.startQuestion('health');
  expect(await tablet.updatePrompt.isVisible()).toBe(false);
  await tablet.finishQuestion('partly');
  await tablet.updatePrompt.waitFor();

  const pending = await readTabletDatabase(tablet.page);
  expect(pending.visits).toHaveLength(3);
  await tablet.acceptUpdate();

  await tablet.openSettings();
  expect(await tablet.appVersion()).toBe(NEXT_VERSION);
  expect(await tablet.updatePrompt.isVisible()).toBe(false);
  const after = await readTabletDatabase(tablet.page);
  expect(after.version).toBeGreaterThan(pending.version);
  expect(after.visits).toEqual(pending.visits);

  // The network is back: the visits reach the city exactly as they were logged.
  await context.unroute('**/api/v1/sync');
  await tablet.syncNow();
  await expect
    .poll(async () => (await readTabletDatabase(tablet.page)).visits.map((visit) => visit.pending), { timeout: 60_000 })
    .toEqual([0, 0, 0]);
  const coordinator = await city.coordinator();
  const results = await coordinator.importVisits((await pairedDeviceId(tablet.page)) ?? '', wireVisits(after.visits));
  expect(results.map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  await context.close();
});
