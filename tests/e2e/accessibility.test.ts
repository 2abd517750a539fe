/**
 * Every screen of the tablet app, in Dutch and in English: no WCAG 2.2 A/AA
 * violation axe-core can find, every target at least 44 × 44 CSS px, and
 * nothing cut off or scrolling sideways, on a tablet, on a 320 px phone and
 * at 200 % zoom. Screenshots of each screen go to test-output/e2e/.
 */
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Lang } from '../../src/shared/taxonomy.ts';
import { Tablet } from './pages/tablet.ts';
import { tourTablet } from './pages/tabletTour.ts';
import { axeFindings, overflowing, screenshot, smallTargets } from './support/audit.ts';
import { BrowserSession, City, POINTS } from './support/city.ts';

let city: City;
let browser: BrowserSession;

beforeAll(async () => {
  [city, browser] = await Promise.all([City.open(inject('cityTemplate'), inject('builds').current), BrowserSession.launch()]);
});

afterAll(async () => {
  await browser?.close();
  await city?.close();
});

type Audit = 'axe' | 'targets' | 'fits';

interface Setting {
  name: string;
  lang: Lang;
  display: Pick<BrowserContextOptions, 'viewport' | 'deviceScaleFactor'>;
  audits: Audit[];
}

/** Walks every screen in one setting; answers the findings by screen (only screens with findings). */
async function audit(setting: Setting): Promise<Record<string, string[]>> {
  const context = await browser.browser.newContext({
    ...setting.display,
    locale: setting.lang === 'nl' ? 'nl-BE' : 'en-GB',
    timezoneId: 'Europe/Brussels',
    reducedMotion: 'reduce',
  });
  const tablet = new Tablet(await context.newPage());
  const coordinator = await city.coordinator();
  const findings: Record<string, string[]> = {};
  try {
    await tourTablet(
      tablet,
      {
        origin: city.origin,
        pairingCode: () => coordinator.pairingCode(),
        pointName: POINTS[0].name,
        lang: setting.lang,
        wrongCode: setting.audits.includes('axe') && setting.lang === 'nl',
      },
      async (screen) => {
        const found = [
          ...(setting.audits.includes('axe') ? await axeFindings(tablet.page) : []),
          ...(setting.audits.includes('targets') ? await smallTargets(tablet.page) : []),
          ...(setting.audits.includes('fits') ? await overflowing(tablet.page) : []),
        ];
        if (found.length) findings[screen] = found;
        await screenshot(tablet.page, `tablet-${setting.name}-${screen}`);
      },
    );
  } finally {
    await context.close();
  }
  return findings;
}

const TABLET = { viewport: { width: 800, height: 1100 } };

test('in Dutch on a tablet, every screen passes axe (WCAG 2.2 AA), has 44 px targets and fits', async () => {
  expect(await audit({ name: 'nl', lang: 'nl', display: TABLET, audits: ['axe', 'targets', 'fits'] })).toEqual({});
});

test('in English on a tablet, every screen passes axe (WCAG 2.2 AA), has 44 px targets and fits', async () => {
  expect(await audit({ name: 'en', lang: 'en', display: TABLET, audits: ['axe', 'targets', 'fits'] })).toEqual({});
});

test('at 320 px wide every screen fits without scrolling sideways and keeps 44 px targets', async () => {
  const display = { viewport: { width: 320, height: 640 } };
  expect(await audit({ name: 'nl-320px', lang: 'nl', display, audits: ['targets', 'fits'] })).toEqual({});
});

test('at 200 % zoom every screen fits without scrolling sideways', async () => {
  // 200 % zoom on an 800 px wide tablet leaves 400 CSS px, each drawn with two device pixels.
  const display = { viewport: { width: 400, height: 550 }, deviceScaleFactor: 2 };
  expect(await audit({ name: 'en-zoom200', lang: 'en', display, audits: ['targets', 'fits'] })).toEqual({});
});
