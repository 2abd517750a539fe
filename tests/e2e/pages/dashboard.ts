/** The coordinator dashboard (/dashboard) as a coordinator uses it, in its own words. */
import type { Locator, Page } from 'playwright-core';
import { en } from '../../../src/app/dashboard/i18n/en.ts';
import { type DashboardDictionary, type DashboardKey, nl } from '../../../src/app/dashboard/i18n/nl.ts';
import type { Lang } from '../../../src/shared/taxonomy.ts';
import { exactly } from './words.ts';

const WORDS: Partial<Record<Lang, DashboardDictionary>> = { nl, en };

export type DashboardScreen = 'overview' | 'barriers' | 'report' | 'points' | 'tablets';

export class Dashboard {
  private readonly words: DashboardDictionary;

  constructor(
    readonly page: Page,
    lang: 'nl' | 'en',
  ) {
    this.words = WORDS[lang] ?? nl;
  }

  t(key: DashboardKey, params: Record<string, string | number> = {}): string {
    return this.words[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  }

  button(key: DashboardKey): Locator {
    return this.page.getByRole('button', { name: exactly(this.t(key)) });
  }

  /** Resolves once the screen shows no "loading" any more (no message, nothing marked busy). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      (loading) =>
        document.querySelector('#app')?.children.length &&
        !document.querySelector('[aria-busy="true"]') &&
        !(document.body.textContent ?? '').includes(loading),
      this.t('app.loading'),
    );
  }

  async open(origin: string): Promise<void> {
    await this.page.goto(`${origin}/dashboard`);
    await this.settled();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel(this.t('signIn.username'), { exact: true }).fill(username);
    await this.page.getByLabel(this.t('signIn.password'), { exact: true }).fill(password);
    await this.button('signIn.submit').click();
    await this.page.getByRole('navigation', { name: this.t('nav.label') }).waitFor();
    await this.settled();
  }

  async show(screen: DashboardScreen): Promise<void> {
    const link = this.page.getByRole('navigation', { name: this.t('nav.label') }).getByRole('link', {
      name: exactly(this.t(`nav.${screen}`)),
    });
    await link.click();
    await this.page.waitForFunction(
      (href) => location.hash === href || (href === '#/' && location.hash === ''),
      await link.getAttribute('href'),
    );
    await this.settled();
  }
}
