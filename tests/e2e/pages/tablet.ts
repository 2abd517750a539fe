/**
 * The tablet app as a host uses it: by what the screen says, in the tablet's
 * language. Every write waits for the confirmation the screen shows, since a
 * host trusts what the screen calls saved.
 */
import type { Locator, Page } from 'playwright-core';
import type { MessageKey } from '../../../src/shared/i18n/translate.ts';
import {
  DEVICE_OS,
  DEVICE_OWNERSHIP,
  DEVICE_TYPES,
  type DeviceOs,
  type DeviceOwnership,
  type DeviceType,
  type Lang,
  OUTCOMES,
  type Outcome,
  PROBLEMS,
  type Problem,
  REFERRALS,
  type Referral,
  TOPICS,
  type Topic,
} from '../../../src/shared/taxonomy.ts';
import { exactly, type Words, wordsFor } from './words.ts';

export interface QuestionLog {
  topic: Topic;
  outcome: Outcome;
  referredTo?: Referral;
}

export interface DeviceLog extends QuestionLog {
  deviceType: DeviceType;
  os: DeviceOs;
  ownership: DeviceOwnership;
  problem: Problem;
}

/** A name that starts with `text` (buttons whose hint is part of their name). */
const startingWith = (text: string): RegExp =>
  new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

export class Tablet {
  words: Words;

  constructor(
    readonly page: Page,
    lang: Lang = 'nl',
  ) {
    this.words = wordsFor(lang);
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    return this.words.t(key, params);
  }

  button(key: MessageKey, params?: Record<string, string | number>): Locator {
    return this.page.getByRole('button', { name: exactly(this.t(key, params)) });
  }

  heading(key: MessageKey): Locator {
    return this.page.getByRole('heading', { name: exactly(this.t(key)), level: 1 });
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  get toast(): Locator {
    return this.page.getByRole('status', { name: this.t('common.messages') });
  }

  async open(origin: string, path = '/'): Promise<void> {
    await this.page.goto(`${origin}${path}`);
  }

  // --- setup ---------------------------------------------------------------

  async pair(code: string): Promise<void> {
    await this.page.getByLabel(this.t('setup.code'), { exact: true }).fill(code);
    await this.button('setup.pair').click();
    await this.heading('point.title').waitFor();
  }

  async choosePoint(name: string): Promise<void> {
    await this.page.getByRole('button', { name: startingWith(name) }).click();
    await this.todayShown();
  }

  /** Resolves once the service worker controls this page, the moment from which it works offline. */
  async waitForServiceWorkerControl(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  }

  // --- Today -----------------------------------------------------------------

  async todayShown(): Promise<void> {
    await this.page.getByRole('link', { name: startingWith(this.t('today.question')) }).waitFor();
  }

  async goToday(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: exactly(this.t('nav.today')) })
      .click();
    await this.todayShown();
  }

  /** "Klaar vandaag (n)" as the screen counts it. */
  async doneCount(): Promise<number> {
    const heading = this.page.getByRole('heading', {
      name: startingWith(this.t('today.done', { count: 0 }).replace(/\s*\(.*$/, '')),
    });
    const text = (await heading.textContent()) ?? '';
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? Number.NaN);
  }

  /** The quiet sync line in the header. */
  syncStatus(): Locator {
    return this.page.locator('.shell-header [role="status"], .shell-header .sync-status').first();
  }

  async openSettings(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: exactly(this.t('nav.settings')) })
      .click();
    await this.heading('settings.title').waitFor();
  }

  /** Settings → the tablet's language; from then on this page model speaks it too. */
  async chooseLanguage(lang: Lang): Promise<void> {
    await this.openSettings();
    await this.toggle('settings.language', this.t(`lang.${lang}`));
    this.words = wordsFor(lang);
    await this.heading('settings.title').waitFor();
  }

  /** The version Settings shows ("Versie 0.1.0" → "0.1.0"). */
  async appVersion(): Promise<string> {
    const line = this.page.getByText(new RegExp(this.t('settings.version', { version: '(\\S+)' })));
    const text = (await line.textContent()) ?? '';
    return new RegExp(this.t('settings.version', { version: '(\\S+)' })).exec(text)?.[1] ?? '';
  }

  /** Settings → "Ander punt kiezen" → "Lijst opnieuw laden"; the list then shows the city's answer. */
  async reloadPointList(): Promise<void> {
    await this.page.getByRole('link', { name: exactly(this.t('settings.changePoint')) }).click();
    await this.heading('point.title').waitFor();
    await this.button('point.reload').click();
  }

  pointChoice(name: string): Locator {
    return this.page.getByRole('list', { name: this.t('point.title') }).getByRole('button', { name: startingWith(name) });
  }

  /** "Nieuwe versie beschikbaar — Vernieuwen". */
  get updatePrompt(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.t('update.available') });
  }

  /** The host taps "Vernieuwen"; resolves once the new version shows Today. */
  async acceptUpdate(): Promise<void> {
    await Promise.all([
      this.page.waitForEvent('framenavigated', { timeout: 60_000 }),
      this.updatePrompt.getByRole('button', { name: exactly(this.t('update.reload')) }).click(),
    ]);
    await this.todayShown();
  }

  /** Today → "Vraag" → a topic: the host is in the middle of logging a visit. */
  async startQuestion(topic: Topic): Promise<void> {
    await this.closeToast();
    await this.page.getByRole('link', { name: startingWith(this.t('today.question')) }).click();
    await this.choose(this.words.term(TOPICS, topic));
    await this.heading('log.outcome').waitFor();
  }

  /** The last step of a quick log started with startQuestion. */
  async finishQuestion(outcome: Outcome): Promise<void> {
    await this.choose(this.words.term(OUTCOMES, outcome));
    await this.confirmed(this.t('common.saved'));
  }

  /** Settings → "Nu synchroniseren". */
  async syncNow(): Promise<void> {
    await this.openSettings();
    await this.page.getByRole('button', { name: /^\s*(Nu synchroniseren|Sync now)\s*$/ }).click();
  }

  // --- quick log and waiting line -------------------------------------------

  async closeToast(): Promise<void> {
    const close = this.toast.getByRole('button', { name: exactly(this.t('common.close')) });
    if (await close.isVisible()) await close.click();
    await this.toast.getByRole('paragraph').waitFor({ state: 'detached' });
  }

  /** Waits for the confirmation a write shows; the toast was closed before the write, so this one is new. */
  async confirmed(message: string): Promise<void> {
    await this.toast.getByText(exactly(message)).waitFor();
  }

  /** One tap on an answer of the current quick-log step. */
  async choose(label: string): Promise<void> {
    await this.main
      .getByRole('group')
      .getByRole('button', { name: exactly(label) })
      .click();
  }

  private async answerSteps(log: QuestionLog | DeviceLog): Promise<void> {
    const { term } = this.words;
    await this.choose(term(TOPICS, log.topic));
    if ('deviceType' in log) {
      await this.choose(term(DEVICE_TYPES, log.deviceType));
      await this.choose(term(DEVICE_OS, log.os));
      await this.choose(term(DEVICE_OWNERSHIP, log.ownership));
      await this.choose(term(PROBLEMS, log.problem));
    }
    await this.choose(term(OUTCOMES, log.outcome));
    if (log.referredTo) await this.choose(term(REFERRALS, log.referredTo));
  }

  /** Today → "Vraag" or "Toestel" → the steps → saved on the last tap. */
  async quickLog(log: QuestionLog | DeviceLog): Promise<void> {
    await this.closeToast();
    const key = 'deviceType' in log ? 'today.device' : 'today.question';
    await this.page.getByRole('link', { name: startingWith(this.t(key)) }).click();
    await this.answerSteps(log);
    await this.confirmed(this.t('common.saved'));
  }

  /** The id of the visit the confirmation offers "Meer details" for: the one the screen just called saved. */
  async savedVisitId(): Promise<string> {
    const details = this.toast.getByRole('link', { name: exactly(this.t('common.moreDetails')) });
    const href = (await details.getAttribute('href')) ?? '';
    return decodeURIComponent(href.replace(/^.*#\/visit\//, ''));
  }

  /** "Aanmelden": someone joins the waiting line as visitor `number`. */
  async checkIn(number: number): Promise<void> {
    await this.closeToast();
    await this.page.getByRole('button', { name: startingWith(this.t('today.checkIn')) }).click();
    await this.confirmed(this.t('today.checkedIn', { number }));
  }

  person(number: number): Locator {
    return this.page.getByRole('button', { name: startingWith(this.t('visit.number', { number })) });
  }

  async startHelp(number: number): Promise<void> {
    await this.closeToast();
    await this.person(number).click();
    await this.button('visit.startHelp').click();
    await this.confirmed(this.t('visit.started', { number }));
  }

  async leftWithoutHelp(number: number): Promise<void> {
    await this.closeToast();
    await this.person(number).click();
    await this.button('visit.leftWithoutHelp').click();
    await this.confirmed(this.t('visit.left', { number }));
  }

  /** "Afronden" for a visitor being helped, then the quick-log steps. */
  async finish(number: number, log: QuestionLog | DeviceLog): Promise<void> {
    await this.closeToast();
    await this.person(number).click();
    await this.page.getByRole('link', { name: exactly(this.t('visit.finish')) }).click();
    await this.answerSteps(log);
    await this.confirmed(this.t('common.saved'));
  }

  // --- visit details -----------------------------------------------------------

  /** Opens a visit from "Klaar vandaag". */
  async openDone(number: number): Promise<void> {
    await this.page.getByRole('link', { name: startingWith(this.t('visit.number', { number })) }).click();
    await this.button('details.save').waitFor();
  }

  /** Presses one answer in a field of the details form (a toggle button inside its fieldset). */
  async toggle(legendKey: MessageKey, label: string): Promise<void> {
    await this.page
      .getByRole('group', { name: exactly(this.t(legendKey)) })
      .getByRole('button', { name: exactly(label) })
      .click();
  }

  async saveDetails(): Promise<void> {
    await this.closeToast();
    await this.button('details.save').click();
    await this.confirmed(this.t('details.saved'));
  }

  async deleteVisit(): Promise<void> {
    await this.closeToast();
    await this.button('details.delete').click();
    await this.confirmed(this.t('details.deleted'));
  }
}
