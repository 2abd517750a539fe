/** Renders the whole tablet app for a test tablet, at a given screen (the address's hash). */
import { render } from '@testing-library/preact';
import type { SyncHandle } from '../../../src/app/sync/startSync.ts';
import { App } from '../../../src/app/ui/App.tsx';
import type { TestTablet } from '../helpers/tablet.ts';

export function renderApp(t: TestTablet, options: { hash?: string; pairCode?: string | null; sync?: Promise<SyncHandle> } = {}) {
  window.location.hash = options.hash ?? '';
  return render(<App tablet={t.tablet} pairCode={options.pairCode ?? null} sync={options.sync ?? null} />);
}
