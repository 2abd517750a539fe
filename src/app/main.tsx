/**
 * Entry: wires the tablet's real database, settings, clock and network into the app, then starts syncing and the service worker.
 * At /dashboard it loads the coordinator dashboard instead, as a chunk of its own that the tablet never loads.
 */
import { render } from 'preact';
import { uuidv7 } from '../shared/uuid.ts';
import { isDashboardPath } from './dashboard/path.ts';
import { CheckinDatabase } from './db/database.ts';
import { Settings } from './db/settings.ts';
import { takePairCode } from './pairLink.ts';
import { App } from './ui/App.tsx';
import { APP_VERSION } from './version.ts';
import { createTablet } from './visits/service.ts';

/** The latest moment background work starts, even when the first screen never finishes loading. */
const FIRST_SCREEN_LATEST_MS = 3000;

const root = document.getElementById('app');
if (root && isDashboardPath(location.pathname))
  import('./dashboard/startDashboard.tsx').then(({ startDashboard }) => startDashboard(root));
else if (root) startTablet(root);

/** The next moment the page has nothing to do (Safari has no requestIdleCallback: the next task there). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

function startTablet(root: HTMLElement) {
  const db = new CheckinDatabase();
  // Opening IndexedDB takes a few round trips: start now, while the scripts render, not when the home screen first asks.
  db.open().catch(() => {});
  const settings = new Settings();
  const tablet = createTablet({
    db,
    settings,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    newId: (nowMs) => uuidv7(nowMs),
    newInstallId: () => crypto.randomUUID(),
    draftStorage: sessionStorage,
    storageManager: navigator.storage,
  });

  // Background work waits until the first screen shows what it is for and the page is idle, so that on a slow tablet
  // it does not compete with that screen, or with the host's first tap, for the main thread. It starts
  // FIRST_SCREEN_LATEST_MS after the start at the latest, should a screen never finish loading: queued visits must leave.
  let firstScreenShown = () => {};
  const firstScreen = new Promise<void>((resolve) => {
    firstScreenShown = resolve;
    setTimeout(resolve, FIRST_SCREEN_LATEST_MS);
  }).then(whenIdle);

  // The engine is a separate chunk. It reads the same database and settings.
  const sync = firstScreen
    .then(() => import('./sync/startSync.ts'))
    .then(({ startSync }) =>
      startSync({
        appVersion: APP_VERSION,
        db,
        settings,
        page: { window, document },
        // Background Sync is not in TypeScript's DOM types; the engine checks for `sync` itself.
        serviceWorker: navigator.serviceWorker?.ready as Promise<{ sync?: { register(tag: string): Promise<void> } }> | undefined,
      }),
    );

  // The service worker registers after the page has loaded and the first screen is shown; the app learns through
  // `updates` when a new version waits. The visit rules load then too, ahead of the first save.
  const loaded = new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  const updates = Promise.all([loaded, firstScreen]).then(() => {
    tablet.warmUp();
    return import('./registerServiceWorker.ts').then(
      (sw) => sw.registerServiceWorker(navigator.serviceWorker, document, () => location.reload()),
      () => null,
    );
  });

  render(
    <App
      tablet={tablet}
      sync={sync}
      updates={updates}
      pairCode={takePairCode(location, history)}
      onFirstScreen={() => firstScreenShown()}
    />,
    root,
  );
}
