/**
 * The system Chromium through playwright-core, with a profile on disk (so
 * IndexedDB and the service worker cache live on a real filesystem, and
 * strict durability really waits for it). Nothing is downloaded.
 */
import { accessSync, constants } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Running as root without a GPU; nothing phoning home that could disturb an offline start. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function assertChromium(): void {
  try {
    accessSync(CHROME_PATH, constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium at ${CHROME_PATH}: install it (apt-get update && apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
}

/** A tablet-sized, Dutch-speaking browser in Brussels time. */
export function launchTablet(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    args: ARGS,
    headless: true,
    viewport: { width: 800, height: 1280 },
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
  });
}
