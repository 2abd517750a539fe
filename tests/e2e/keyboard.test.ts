/**
 * A host who uses the keyboard alone (or a switch) pairs the tablet and logs
 * a question and a device visit; every control on the way can be reached
 * with Tab, pressed with Enter or Space, and shows where the focus is.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { DEVICE_OS, DEVICE_OWNERSHIP, DEVICE_TYPES, OUTCOMES, PROBLEMS, TOPICS } from '../../src/shared/taxonomy.ts';
import { Tablet } from './pages/tablet.ts';
import { BrowserSession, City, POINTS } from './support/city.ts';
import { tabThrough, tabTo } from './support/keyboard.ts';
import { storedVisits } from './support/tabletData.ts';

let city: City;
let browser: BrowserSession;

beforeAll(async () => {
  [city, browser] = await Promise.all([City.open(inject('cityTemplate'), inject('builds').current), BrowserSession.launch()]);
});

afterAll(async () => {
  await browser?.close();
  await city?.close();
});

test('pairing and the whole quick log work with the keyboard alone, with the focus always visible', async () => {
  const context = await browser.newTablet();
  const tablet = new Tablet(await context.newPage());
  const { page } = tablet;
  const { t, term } = tablet.words;
  const stops: { name: string; visible: boolean; why: string }[] = [];
  /** Tab to a control and press it the way a keyboard user would. */
  const press = async (name: string, key: 'Enter' | 'Space' = 'Enter') => {
    stops.push(await tabTo(page, name));
    await page.keyboard.press(key);
  };

  await tablet.open(city.origin);
  await tablet.heading('setup.title').waitFor();
  stops.push(await tabTo(page, ''));
  await page.keyboard.type(await city.pairingCode());
  await press(t('setup.pair'));
  await tablet.heading('point.title').waitFor();
  await press(POINTS[1].name);
  await tablet.todayShown();

  stops.push(await tabTo(page, t('app.skipToContent')));
  await press(t('today.question'));
  await tablet.heading('log.topic').waitFor();
  await press(term(TOPICS, 'eid'), 'Space');
  await tablet.heading('log.outcome').waitFor();
  await press(term(OUTCOMES, 'resolved'), 'Space');
  await tablet.confirmed(t('common.saved'));
  await press(t('common.close'));

  await press(t('today.device'));
  await tablet.heading('log.topic').waitFor();
  await press(term(TOPICS, 'photos-files'));
  await tablet.heading('log.deviceType').waitFor();
  await press(term(DEVICE_TYPES, 'laptop'));
  await tablet.heading('log.os').waitFor();
  await press(term(DEVICE_OS, 'windows'));
  await tablet.heading('log.ownership').waitFor();
  await press(term(DEVICE_OWNERSHIP, 'own'));
  await tablet.heading('log.problem').waitFor();
  await press(term(PROBLEMS, 'storage-full'));
  await tablet.heading('log.outcome').waitFor();
  await press(term(OUTCOMES, 'follow-up'));
  await tablet.confirmed(t('common.saved'));

  expect(stops.filter((stop) => !stop.visible)).toEqual([]);
  const visits = (await storedVisits(page)).sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
  expect(
    visits.map((v) => ({ point: v.pointId, topics: v.topics, device: v.device, problem: v.problem, outcome: v.outcome })),
  ).toEqual([
    { point: POINTS[1].id, topics: ['eid'], device: null, problem: null, outcome: 'resolved' },
    {
      point: POINTS[1].id,
      topics: ['photos-files'],
      device: { type: 'laptop', os: 'windows', ownership: 'own' },
      problem: 'storage-full',
      outcome: 'follow-up',
    },
  ]);
  await context.close();
});

test('at 200 % zoom with a message showing, no control reached with Tab hides behind the message', async () => {
  const context = await browser.browser.newContext({
    viewport: { width: 400, height: 550 },
    deviceScaleFactor: 2,
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  });
  const tablet = new Tablet(await context.newPage());
  await tablet.open(city.origin);
  await tablet.pair(await city.pairingCode());
  await tablet.choosePoint(POINTS[0].name);
  for (const number of [1, 2, 3, 4]) await tablet.checkIn(number);
  await tablet.quickLog({ topic: 'itsme', outcome: 'resolved' });
  await tablet.toast.getByText(tablet.t('common.saved')).waitFor();

  const stops = await tabThrough(tablet.page, 30);
  expect(stops.length).toBeGreaterThan(10);
  expect(stops.filter((stop) => !stop.visible)).toEqual([]);
  await context.close();
});
