import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang } from '../../shared/taxonomy.ts';
import type { TabletState } from '../visits/tabletSettings.ts';

/** The tablet's settings as loaded, and the two things screens may ask of the shell. */
export interface AppState {
  state: TabletState;
  /** Reads the settings again (after pairing, choosing a point …). */
  reload: () => Promise<void>;
  /** Switches the interface language once its words and dates are loaded. */
  chooseLanguage: (lang: Lang) => Promise<void>;
}

export const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const value = useContext(AppStateContext);
  if (!value) throw new Error('useAppState outside <App>');
  return value;
}
