/**
 * Every screen of the tablet app, in the order a host meets them, with a
 * check at each: pairing (also with a wrong code), the point list, Today
 * empty and busy, every quick-log step, the waiting line opened, finishing a
 * visitor, visit details (a question, a device, a deleted visit), the last
 * 14 days and Settings. In English the setup screens are visited through
 * "pair again" and "change point" once the language is chosen.
 */
import type { Lang } from '../../../src/shared/taxonomy.ts';
import {
  DEVICE_OS,
  DEVICE_OWNERSHIP,
  DEVICE_TYPES,
  OUTCOMES,
  PROBLEMS,
  REFERRALS,
  TOPICS,
} from '../../../src/shared/taxonomy.ts';
import { storedVisits } from '../support/tabletData.ts';
import type { Tablet } from './tablet.ts';
import { exactly } from './words.ts';

export type ScreenCheck = (screen: string) => Promise<void>;

export interface TourOptions {
  origin: string;
  pairingCode: () => Promise<string>;
  pointName: string;
  lang: Lang;
  /** Also show the pairing screen's answer to a wrong code (counts against the city's pairing limit). */
  wrongCode?: boolean;
}

export async function tourTablet(tablet: Tablet, options: TourOptions, check: ScreenCheck): Promise<void> {
  const { page } = tablet;
  const term = (...args: Parameters<typeof tablet.words.term>) => tablet.words.term(...args);
  await tablet.open(options.origin);
  await tablet.heading('setup.title').waitFor();
  if (options.lang === 'nl') {
    await check('pair');
    if (options.wrongCode) {
      await page.getByLabel(tablet.t('setup.code'), { exact: true }).fill('AAAA-AAAA');
      await tablet.button('setup.pair').click();
      await page.getByRole('alert').waitFor();
      await check('pair-wrong-code');
    }
  }
  await tablet.pair(await options.pairingCode());
  if (options.lang === 'nl') await check('point');
  await tablet.choosePoint(options.pointName);

  if (options.lang !== 'nl') {
    await tablet.chooseLanguage(options.lang);
    await tablet.open(options.origin, '/#/pair');
    await tablet.heading('setup.title').waitFor();
    await check('pair');
    await tablet.open(options.origin, '/#/point');
    await tablet.heading('point.title').waitFor();
    await check('point');
    await tablet.choosePoint(options.pointName);
  }
  await check('today-empty');

  await page.getByRole('link', { name: new RegExp(`^${tablet.t('today.question')}`) }).click();
  await tablet.heading('log.topic').waitFor();
  await check('log-topic');
  await tablet.choose(term(TOPICS, 'itsme'));
  await check('log-outcome');
  await tablet.choose(term(OUTCOMES, 'referred'));
  await tablet.heading('log.referredTo').waitFor();
  await check('log-referred-to');
  await tablet.choose(term(REFERRALS, 'digidokter'));
  await tablet.confirmed(tablet.t('common.saved'));
  await check('today-saved');

  await tablet.closeToast();
  await page.getByRole('link', { name: new RegExp(`^${tablet.t('today.device')}`) }).click();
  await tablet.choose(term(TOPICS, 'smartphone-basics'));
  await check('log-device-type');
  await tablet.choose(term(DEVICE_TYPES, 'tablet'));
  await check('log-device-os');
  await tablet.choose(term(DEVICE_OS, 'ios'));
  await check('log-device-ownership');
  await tablet.choose(term(DEVICE_OWNERSHIP, 'digibank-loan'));
  await check('log-device-problem');
  await tablet.choose(term(PROBLEMS, 'updates'));
  await tablet.choose(term(OUTCOMES, 'resolved'));
  await tablet.confirmed(tablet.t('common.saved'));

  await tablet.checkIn(3);
  await tablet.checkIn(4);
  await tablet.person(3).click();
  await check('today-waiting-open');
  await tablet.button('visit.startHelp').click();
  await tablet.confirmed(tablet.t('visit.started', { number: 3 }));
  await tablet.person(3).click();
  await check('today-in-help-open');
  await page.getByRole('link', { name: exactly(tablet.t('visit.finish')) }).click();
  await tablet.heading('log.topic').waitFor();
  await check('finish-topic');
  await tablet.choose(term(TOPICS, 'health'));
  await tablet.choose(term(OUTCOMES, 'partly'));
  await tablet.confirmed(tablet.t('common.saved'));
  await tablet.closeToast();

  await tablet.openDone(1);
  await check('details-question');
  await tablet.goToday();
  await tablet.openDone(2);
  await check('details-device');
  await tablet.deleteVisit();
  const deleted = (await storedVisits(page)).find((visit) => visit.deleted);
  await tablet.open(options.origin, `/#/visit/${deleted?.id}`);
  await page.getByText(tablet.t('details.isDeleted')).waitFor();
  await check('details-deleted');

  await page
    .getByRole('navigation')
    .getByRole('link', { name: exactly(tablet.t('nav.history')) })
    .click();
  await tablet.heading('history.title').waitFor();
  await check('history');
  await tablet.openSettings();
  await check('settings');
}
