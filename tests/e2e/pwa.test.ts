/**
 * The tablet app as an installed app: Chromium finds nothing in the way of
 * installing it, it keeps working from a cold start with no network at all
 * after one online visit, the point list falls back to the last answer the
 * city gave, and nothing of the sync traffic is ever cached.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { nl } from '../../src/shared/i18n/translate.ts';
import { launchProfile } from '../helpers/chromium.ts';
import { Tablet } from './pages/tablet.ts';
import { City, POINTS } from './support/city.ts';
import { cachedUrls, configFromPage, storedVisits } from './support/tabletData.ts';

let city: City;
const profile = mkdtempSync(join(tmpdir(), 'digibank-e2e-profile-'));
let context: BrowserContext | undefined;

beforeAll(async () => {
  city = await City.open(inject('cityTemplate'), inject('builds').current);
});

afterAll(async () => {
  await context?.close();
  await city?.close();
  rmSync(profile, { recursive: true, force: true });
});

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('Chromium reports the app installable, with a Dutch standalone manifest and its icons', async () => {
  context = await launchProfile(profile);
  const tablet = new Tablet(context.pages()[0] ?? (await context.newPage()));
  await tablet.open(city.origin);
  await tablet.waitForServiceWorkerControl();

  const cdp = await context.newCDPSession(tablet.page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);

  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const data = JSON.parse(manifest.data ?? '{}') as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(data).toMatchObject({
    name: nl['app.name'],
    short_name: 'Digibank',
    lang: expect.stringMatching(/^nl/),
    display: 'standalone',
    start_url: '/',
    scope: '/',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  const icons = await Promise.all(
    data.icons.map(async (icon) => {
      const response = await fetch(new URL(icon.src, city.origin));
      expect(response.status).toBe(200);
      const { width, height } = pngSize(Buffer.from(await response.arrayBuffer()));
      return { sizes: icon.sizes, actual: `${width}x${height}`, purpose: icon.purpose ?? 'any', type: icon.type };
    }),
  );
  for (const icon of icons) expect(icon.actual).toBe(icon.sizes);
  expect(icons).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ sizes: '192x192', purpose: 'any', type: 'image/png' }),
      expect.objectContaining({ sizes: '512x512', purpose: 'any', type: 'image/png' }),
      expect.objectContaining({ sizes: '512x512', purpose: 'maskable', type: 'image/png' }),
    ]),
  );
  await cdp.detach();
});

test('after one online visit the app starts cold with no network at all, and the point list falls back to the last answer', async () => {
  if (!context) context = await launchProfile(profile);
  let tablet = new Tablet(context.pages()[0] ?? (await context.newPage()));
  await tablet.open(city.origin);
  await tablet.waitForServiceWorkerControl();
  await tablet.pair(await city.pairingCode());
  await tablet.choosePoint(POINTS[0].name);

  // The point list comes from the network while the city answers: a renamed point shows at once.
  const coordinator = await city.coordinator();
  await coordinator.renamePoint(POINTS[1].id, `${POINTS[1].name} (bibliotheek)`);
  await tablet.openSettings();
  await tablet.reloadPointList();
  await tablet.pointChoice(`${POINTS[1].name} (bibliotheek)`).waitFor();
  await tablet.choosePoint(POINTS[0].name);

  // One visit logged online reaches the city; the sync traffic left nothing in any cache.
  await tablet.quickLog({ topic: 'itsme', outcome: 'resolved' });
  await expect
    .poll(async () => (await storedVisits(tablet.page)).map((visit) => visit.pending), { timeout: 60_000 })
    .toEqual([0]);
  const cached = Object.values(await cachedUrls(tablet.page)).flat();
  expect(cached.filter((url) => url.includes('/api/'))).toEqual([`${city.origin}/api/v1/config`]);

  // The browser is closed, the city goes away, the network too; the browser starts again.
  await context.close();
  context = undefined;
  await city.server.stop();
  context = await launchProfile(profile, { offline: true });
  tablet = new Tablet(context.pages()[0] ?? (await context.newPage()));
  await tablet.open(city.origin);
  await tablet.todayShown();
  expect(await tablet.doneCount()).toBe(1);
  await tablet.quickLog({ topic: 'email', outcome: 'partly' });
  expect(await tablet.doneCount()).toBe(2);
  await tablet.openSettings();
  expect(await configFromPage(tablet.page)).toEqual({
    status: 200,
    points: expect.arrayContaining([`${POINTS[1].name} (bibliotheek)`, POINTS[0].name]),
  });

  const visits = await storedVisits(tablet.page);
  expect(visits.map((visit) => ({ pending: visit.pending, topics: visit.topics })).sort((a, b) => a.pending - b.pending)).toEqual(
    [
      { pending: 0, topics: ['itsme'] },
      { pending: 1, topics: ['email'] },
    ],
  );
});
