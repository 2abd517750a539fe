/**
 * The system Chromium, driven by playwright-core. CHROME_PATH points at it
 * (default /usr/bin/chromium); there is no bundled browser and nothing is
 * downloaded.
 */
import { accessSync, constants } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const DEFAULT_CHROME_PATH = '/usr/bin/chromium';

/** Running as root on a server without a GPU, with nothing phoning home or interfering with offline tests. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function chromePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROME_PATH || DEFAULT_CHROME_PATH;
}

/** The one-line instruction when there is no browser, or null when there is one. */
export function missingBrowser(path: string = chromePath()): string | null {
  try {
    accessSync(path, constants.X_OK);
    return null;
  } catch {
    return `No Chromium at ${path}: install it (apt-get update && apt-get install -y chromium) or set CHROME_PATH to a Chromium binary.`;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: ARGS, headless: true });
}

/**
 * A browser with a profile on disk, as an installed app has: Chromium only
 * considers an app installable outside incognito, and only such a profile
 * keeps its service worker and data when the browser is closed and started again.
 */
export function launchProfile(
  userDataDir: string,
  options: { offline?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    args: ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 800, height: 1100 },
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    offline: options.offline ?? false,
  });
}
