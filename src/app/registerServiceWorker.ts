/**
 * Registers the service worker that keeps the app working offline. Loaded
 * after the first screen, so it costs nothing in the first load.
 *
 * A new version installs in the background and waits: the app offers
 * "Nieuwe versie beschikbaar — Vernieuwen" and switches only when the host
 * taps it, then reloads into the new version. Until that tap the running
 * version's service worker stays in charge and keeps serving its own
 * precached chunks, so every screen still opens. Visits live in IndexedDB
 * and half-filled forms are drafts: the switch loses nothing.
 */
import { Workbox } from 'workbox-window';

export interface AppUpdate {
  /** Calls `listener` once a new version waits (at once if one already does); returns a function that stops listening. */
  onWaiting(listener: () => void): () => void;
  /** The host chose to switch: the waiting version takes over and the page reloads into it. */
  apply(): void;
}

/** The page, to look for a new version whenever the tablet wakes up. */
export interface VisiblePage {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
}

export function registerServiceWorker(
  container: ServiceWorkerContainer | undefined,
  page: VisiblePage,
  reload: () => void,
): AppUpdate | null {
  if (!container) return null;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  const listeners = new Set<() => void>();
  let waiting = false;
  workbox.addEventListener('waiting', () => {
    waiting = true;
    for (const listener of listeners) listener();
  });
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) reload();
  });
  // The app stays open on one page all day: the browser only looks for a new version on navigation.
  page.addEventListener('visibilitychange', () => {
    if (page.visibilityState === 'visible') workbox.update().catch(() => {});
  });
  workbox.register().catch(() => {
    // No service worker (development server, private mode): the app still works while the page is open.
  });
  return {
    onWaiting(listener) {
      listeners.add(listener);
      if (waiting) listener();
      return () => listeners.delete(listener);
    },
    apply: () => workbox.messageSkipWaiting(),
  };
}
