/**
 * The benchmark's tablet: the system Chromium with a profile on disk (so
 * IndexedDB and the service worker cache live on a real filesystem, and
 * strict durability really waits for it), launched the way the browser
 * tests launch it. Nothing is downloaded.
 */
import type { BrowserContext } from 'playwright-core';
import { launchProfile, missingBrowser } from '../../helpers/chromium.ts';

export function assertChromium(): void {
  const missing = missingBrowser();
  if (missing) throw new Error(missing);
}

/** A tablet-sized, Dutch-speaking browser in Brussels time. */
export function launchTablet(userDataDir: string): Promise<BrowserContext> {
  return launchProfile(userDataDir, { viewport: { width: 800, height: 1280 } });
}
