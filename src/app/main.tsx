/** Entry: wires the tablet's real database, settings, clock and network into the app, then registers the service worker. */
import { render } from 'preact';
import { uuidv7 } from '../shared/uuid.ts';
import { CheckinDatabase } from './db/database.ts';
import { Settings } from './db/settings.ts';
import { takePairCode } from './pairLink.ts';
import { App } from './ui/App.tsx';
import { createTablet } from './visits/service.ts';

const tablet = createTablet({
  db: new CheckinDatabase(),
  settings: new Settings(),
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  newId: (nowMs) => uuidv7(nowMs),
  newInstallId: () => crypto.randomUUID(),
  draftStorage: sessionStorage,
  storageManager: navigator.storage,
});

const root = document.getElementById('app');
if (root) render(<App tablet={tablet} pairCode={takePairCode(location, history)} />, root);

addEventListener('load', () => {
  tablet.warmUp();
  import('./registerServiceWorker.ts').then((sw) => sw.registerServiceWorker(navigator.serviceWorker, () => location.reload()));
});
