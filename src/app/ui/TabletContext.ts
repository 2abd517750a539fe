import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Tablet } from '../visits/service.ts';

/** The tablet's use cases, given to every screen by the app shell. */
export const TabletContext = createContext<Tablet | null>(null);

export function useTablet(): Tablet {
  const tablet = useContext(TabletContext);
  if (!tablet) throw new Error('useTablet outside <TabletContext.Provider>');
  return tablet;
}
