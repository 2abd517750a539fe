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
import type { AppUpdate } from './registerServiceWorker.ts';
import { App } from './ui/App.tsx';
import { APP_VERSION } from './version.ts';
import { createTablet } from './visits/service.ts';

const root = document.getElementById('app');
if (root && isDashboardPath(location.pathname))
  import('./dashboard/startDashboard.tsx').then(({ startDashboard }) => startDashboard(root));
else if (root) startTablet(root);

function startTablet(root: HTMLElement) {
  const db = new CheckinDatabase();
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

  // The engine is a separate chunk: the first screen does not wait for it. It reads the same database and settings.
  const sync = import('./sync/startSync.ts').then(({ startSync }) =>
    startSync({
      appVersion: APP_VERSION,
      db,
      settings,
      page: { window, document },
      // Background Sync is not in TypeScript's DOM types; the engine checks for `sync` itself.
      serviceWorker: navigator.serviceWorker?.ready as Promise<{ sync?: { register(tag: string): Promise<void> } }> | undefined,
    }),
  );

  // The service worker registers after the first screen has loaded; the app learns through `updates` when a new version waits.
  const updates = new Promise<AppUpdate | null>((resolve) =>
    addEventListener('load', () => {
      tablet.warmUp();
      import('./registerServiceWorker.ts').then(
        (sw) => resolve(sw.registerServiceWorker(navigator.serviceWorker, document, () => location.reload())),
        () => resolve(null),
      );
    }),
  );

  render(<App tablet={tablet} sync={sync} updates={updates} pairCode={takePairCode(location, history)} />, root);
}
