/**
 * The dashboard's entry, loaded with import() by the app's entry when the
 * address is /dashboard: wires the browser's fetch, clock, storage, print
 * dialog and the uPlot drawer into the dashboard and renders it.
 */
import { render } from 'preact';
import { createCoordinatorApi } from './api/coordinatorApi.ts';
import { uplotDrawer } from './charts/uplotDrawer.ts';
import { Dashboard } from './Dashboard.tsx';

export function startDashboard(root: HTMLElement): void {
  document.documentElement.classList.add('dashboard-page');
  render(
    <Dashboard
      api={createCoordinatorApi((input, init) => fetch(input, init))}
      now={() => Date.now()}
      origin={location.origin}
      print={() => window.print()}
      storage={localStorage}
      preferredLanguages={navigator.languages}
      drawer={uplotDrawer}
    />,
    root,
  );
}
