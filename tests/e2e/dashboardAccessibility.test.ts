/**
 * Every screen of the coordinator dashboard, in Dutch and in English, with
 * three weeks of visits to show: no WCAG 2.2 A/AA violation axe-core can find.
 * Screenshots of each screen go to test-output/e2e/.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { Dashboard } from './pages/dashboard.ts';
import { axeFindings, screenshot } from './support/audit.ts';
import { BrowserSession, City, COORDINATOR, POINTS } from './support/city.ts';
import { pushVisits, someVisits } from './support/seedVisits.ts';

let city: City;
let newCity: City;
let browser: BrowserSession;

beforeAll(async () => {
  [city, newCity, browser] = await Promise.all([
    City.open(inject('cityTemplate'), inject('builds').current),
    City.open(inject('newCityTemplate'), inject('builds').current),
    BrowserSession.launch(),
  ]);
  const results = await pushVisits(
    city.origin,
    await city.pairingCode(),
    someVisits(
      POINTS.map((point) => point.id),
      40,
      Date.now(),
    ),
  );
  expect(results.filter((result) => result.status !== 'applied')).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([city?.close(), newCity?.close()]);
});

for (const lang of ['nl', 'en'] as const) {
  test(`every dashboard screen in ${lang === 'nl' ? 'Dutch' : 'English'} passes axe (WCAG 2.2 AA)`, async () => {
    const context = await browser.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: lang === 'nl' ? 'nl-BE' : 'en-GB',
      timezoneId: 'Europe/Brussels',
      reducedMotion: 'reduce',
    });
    const findings: Record<string, string[]> = {};
    const check = async (dashboard: Dashboard, screen: string) => {
      const found = await axeFindings(dashboard.page);
      if (found.length) findings[screen] = found;
      await screenshot(dashboard.page, `dashboard-${lang}-${screen}`);
    };

    const first = new Dashboard(await context.newPage(), lang);
    await first.open(newCity.origin);
    await first.page.getByRole('heading', { name: first.t('setup.title') }).waitFor();
    await check(first, 'first-account');

    const dashboard = new Dashboard(await context.newPage(), lang);
    await dashboard.open(city.origin);
    await check(dashboard, 'sign-in');
    await dashboard.signIn(COORDINATOR.username, COORDINATOR.password);
    await check(dashboard, 'overview');
    const showTable = dashboard.page.getByRole('button', { name: dashboard.t('chart.showTable'), pressed: false });
    while ((await showTable.count()) > 0) await showTable.first().click();
    await check(dashboard, 'overview-as-tables');
    for (const screen of ['barriers', 'report', 'points', 'tablets'] as const) {
      await dashboard.show(screen);
      await check(dashboard, screen);
    }
    await dashboard.button('pairing.make').click();
    await dashboard.page.getByText(dashboard.t('pairing.code'), { exact: true }).waitFor();
    await check(dashboard, 'tablets-pairing-code');
    await dashboard.page.getByRole('button', { name: dashboard.t('tablets.revokeOf', { label: 'Tablet onthaal' }) }).click();
    await dashboard.page
      .getByRole('heading', { name: dashboard.t('tablets.confirmTitle', { label: 'Tablet onthaal' }) })
      .waitFor();
    await check(dashboard, 'tablets-revoke-confirm');

    await context.close();
    expect(findings).toEqual({});
  });
}

test('on a narrow screen a table wider than the screen is a named stop in the Tab order, and passes axe', async () => {
  const context = await browser.browser.newContext({
    viewport: { width: 480, height: 800 },
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    reducedMotion: 'reduce',
  });
  const dashboard = new Dashboard(await context.newPage(), 'nl');
  await dashboard.open(city.origin);
  await dashboard.signIn(COORDINATOR.username, COORDINATOR.password);
  const showTable = dashboard.page.getByRole('button', { name: dashboard.t('chart.showTable'), pressed: false });
  await showTable.first().waitFor();
  while ((await showTable.count()) > 0) await showTable.first().click();

  const heatmap = dashboard.page.getByRole('region', {
    name: dashboard.t('chart.scrollTable', { title: dashboard.t('chart.heatmap') }),
  });
  await heatmap.focus();
  await dashboard.page.keyboard.press('ArrowRight');
  await expect.poll(() => heatmap.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  const findings = await axeFindings(dashboard.page);
  await screenshot(dashboard.page, 'dashboard-nl-narrow-tables');
  await context.close();
  expect(findings).toEqual([]);
});
