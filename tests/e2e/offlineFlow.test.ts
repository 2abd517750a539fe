/**
 * A morning at a Digibank point with no network: the host pairs the tablet
 * with a code from the coordinator and chooses the point; then the wifi goes,
 * and the host keeps logging visits, corrects one, deletes one, closes the
 * app and opens it again. When the wifi comes back, the city holds exactly
 * the visits the tablet holds, each at its latest rev.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { StoredVisit } from '../../src/app/db/database.ts';
import { TOPICS } from '../../src/shared/taxonomy.ts';
import { Tablet } from './pages/tablet.ts';
import { BrowserSession, City, dayFromToday, POINTS } from './support/city.ts';
import { pairedDeviceId, storedVisits, wireVisits } from './support/tabletData.ts';

let city: City;
let browser: BrowserSession;

beforeAll(async () => {
  [city, browser] = await Promise.all([City.open(inject('cityTemplate'), inject('builds').current), BrowserSession.launch()]);
});

afterAll(async () => {
  await browser?.close();
  await city?.close();
});

const byArrival = (visits: StoredVisit[]) => [...visits].sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));

test('visits logged, corrected and deleted offline reach the city exactly once, at their latest rev', async () => {
  const context = await browser.newTablet();
  let tablet = new Tablet(await context.newPage());
  const point = POINTS[0];

  await tablet.open(city.origin);
  await tablet.pair(await city.pairingCode());
  await tablet.choosePoint(point.name);
  await tablet.waitForServiceWorkerControl();

  await context.setOffline(true);
  await tablet.page.reload();
  await tablet.todayShown();

  // Visitor 1 and 2: quick logs; 3: through the waiting line; 4: left without help; 5: logged by mistake.
  await tablet.quickLog({ topic: 'itsme', outcome: 'resolved' });
  await tablet.quickLog({
    topic: 'smartphone-basics',
    deviceType: 'smartphone',
    os: 'android',
    ownership: 'own',
    problem: 'slow',
    outcome: 'partly',
  });
  await tablet.checkIn(3);
  await tablet.startHelp(3);
  await tablet.finish(3, { topic: 'government', outcome: 'referred', referredTo: 'social-house' });
  await tablet.checkIn(4);
  await tablet.leftWithoutHelp(4);
  await tablet.quickLog({ topic: 'email', outcome: 'follow-up' });

  // Visitor 1 also asked about a doctor's appointment.
  await tablet.openDone(1);
  await tablet.toggle('field.topics', tablet.words.term(TOPICS, 'health'));
  await tablet.saveDetails();
  await tablet.goToday();
  await tablet.openDone(5);
  await tablet.deleteVisit();

  // The app is closed and opened again, still without network.
  await tablet.page.close();
  tablet = new Tablet(await context.newPage());
  await tablet.open(city.origin);
  await tablet.todayShown();
  expect(await tablet.doneCount()).toBe(4);

  const offline = byArrival(await storedVisits(tablet.page));
  expect(offline).toHaveLength(5);
  expect(offline.every((visit) => visit.pending === 1 && visit.syncedRev === 0)).toBe(true);
  expect(offline.map((v) => ({ rev: v.rev, topics: v.topics, outcome: v.outcome, deleted: v.deleted }))).toEqual([
    { rev: 2, topics: ['itsme', 'health'], outcome: 'resolved', deleted: false },
    { rev: 1, topics: ['smartphone-basics'], outcome: 'partly', deleted: false },
    { rev: 3, topics: ['government'], outcome: 'referred', deleted: false },
    { rev: 2, topics: [], outcome: 'left', deleted: false },
    { rev: 2, topics: ['email'], outcome: 'follow-up', deleted: true },
  ]);

  await context.setOffline(false);
  await expect
    .poll(async () => (await storedVisits(tablet.page)).filter((visit) => visit.pending === 1).length, { timeout: 60_000 })
    .toBe(0);

  const synced = byArrival(await storedVisits(tablet.page));
  expect(synced.map((v) => v.rev)).toEqual(offline.map((v) => v.rev));
  const coordinator = await city.coordinator();
  const deviceId = await pairedDeviceId(tablet.page);
  expect((await coordinator.devices()).map((device) => device.id)).toEqual([deviceId]);

  // The export lists every visit that was not deleted, once, as the host left it.
  const exported = await coordinator.exportedVisits(dayFromToday(-1), dayFromToday(1));
  const kept = synced.filter((visit) => !visit.deleted);
  expect(exported.map((row) => row.id).sort()).toEqual(kept.map((visit) => visit.id).sort());
  for (const visit of kept) {
    const row = exported.find((r) => r.id === visit.id);
    expect({ point: row?.point_id, topics: row?.topics, outcome: row?.outcome }).toEqual({
      point: point.id,
      topics: visit.topics.join(','),
      outcome: visit.outcome ?? '',
    });
  }

  // Offered again, every visit (the deleted one too) is `unchanged`: the city holds exactly this rev and content.
  const results = await coordinator.importVisits(deviceId ?? '', wireVisits(synced));
  expect(results.map((result) => result.status)).toEqual(synced.map(() => 'unchanged'));

  await context.close();
});
