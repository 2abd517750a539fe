/**
 * The moment the first screen shows what it is there for: the home screen
 * with today's lists; any other screen (rarely the first one) as soon as the
 * settings are read. The tablet's background work (the sync engine, the
 * service worker) waits for it: on a slow tablet it would otherwise compete
 * with the home screen for the one main thread, and the host would wait
 * longer for the buttons.
 */
import { createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';

export const FirstScreenContext = createContext<() => void>(() => {});

/** Reports the first screen as shown once `ready` holds (after the browser painted it); later reports change nothing. */
export function useFirstScreenShown(ready: boolean): void {
  const shown = useContext(FirstScreenContext);
  useEffect(() => {
    if (ready) shown();
  }, [ready, shown]);
}
