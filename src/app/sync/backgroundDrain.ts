/**
 * Background Sync (Chromium): the page asks the browser to wake the service
 * worker once the network is back, so visits logged just before the tablet is
 * closed still leave. The API is not in TypeScript's libs, hence the small
 * shapes below; where it is missing, the page's own triggers do the work.
 */
import type { BrowserEngineOptions } from './browserEngine.ts';
import { createBrowserEngine } from './browserEngine.ts';

export const OUTBOX_SYNC_TAG = 'digibank-outbox';
/** The worker waits this long for a page that is sending right now to finish. */
const WAIT_FOR_PAGE_MS = 60_000;

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

interface SyncEventLike {
  tag: string;
  waitUntil(work: Promise<unknown>): void;
}

/** Page side: asks for a `sync` event; false where the browser has no Background Sync. */
export async function requestBackgroundSync(registration: { sync?: SyncManagerLike } | undefined): Promise<boolean> {
  if (!registration?.sync) return false;
  try {
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false; // permission withheld or the worker is being replaced: the page's triggers still run
  }
}

/**
 * Service worker side: drains the outbox with the same engine and lock. Rejects
 * while visits still wait for the network, so the browser tries the event again later.
 */
export async function drainInBackground(options: BrowserEngineOptions): Promise<void> {
  const report = await createBrowserEngine(options).drain({ waitMs: WAIT_FOR_PAGE_MS });
  if (report.outcome === 'failed' || report.outcome === 'deferred') {
    throw new Error('visits still wait for the network');
  }
}

/** The service worker's `sync` listener: `self.addEventListener('sync', (e) => onBackgroundSync(e, { appVersion }))`. */
export function onBackgroundSync(event: Event, options: BrowserEngineOptions): void {
  const sync = event as unknown as Partial<SyncEventLike>;
  if (sync.tag !== OUTBOX_SYNC_TAG || typeof sync.waitUntil !== 'function') return;
  sync.waitUntil(drainInBackground(options));
}
