/**
 * Registers the service worker that keeps the app working offline. Loaded
 * after the first screen, so it costs nothing in the first load.
 *
 * A new version takes over as soon as it is installed and the page reloads
 * into it: the old version's chunks are gone from the server, so staying on
 * them would break the next lazily loaded screen. Nothing is lost: visits are
 * in IndexedDB and half-filled forms are drafts.
 */
import { Workbox } from 'workbox-window';

export function registerServiceWorker(container: ServiceWorkerContainer | undefined, reload: () => void): void {
  if (!container) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => workbox.messageSkipWaiting());
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) reload();
  });
  workbox.register().catch(() => {
    // No service worker (development server, private mode): the app still works while the page is open.
  });
}
