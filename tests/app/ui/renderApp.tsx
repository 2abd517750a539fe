/** Renders the whole tablet app for a test tablet, at a given screen (the address's hash). */
import { configure, render } from '@testing-library/preact';
import type { SyncHandle } from '../../../src/app/sync/startSync.ts';
import { App } from '../../../src/app/ui/App.tsx';
import type { TestTablet } from '../helpers/tablet.ts';

// The first save loads the visit rules and a screen may load its chunk: under a busy test run that can take
// a few seconds, so waiting for what the host sees is allowed that long (it is a cap, not a measurement).
configure({ asyncUtilTimeout: 10_000 });

interface RenderOptions {
  hash?: string;
  pairCode?: string | null;
  sync?: Promise<SyncHandle>;
  onFirstScreen?: () => void;
}

export function renderApp(t: TestTablet, options: RenderOptions = {}) {
  window.location.hash = options.hash ?? '';
  return render(
    <App
      tablet={t.tablet}
      pairCode={options.pairCode ?? null}
      sync={options.sync ?? null}
      onFirstScreen={options.onFirstScreen}
    />,
  );
}
