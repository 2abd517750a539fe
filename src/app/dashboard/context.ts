/**
 * What every dashboard screen may use: the coordinator API, the clock, the
 * page's origin (for pairing links) and the list of points.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CoordinatorApi } from './api/coordinatorApi.ts';
import type { PointRecord } from './api/types.ts';

export interface DashboardDeps {
  api: CoordinatorApi;
  now: () => number;
  /** where tablets reach this server, e.g. https://checkin.mechelen.be */
  origin: string;
  /** opens the browser's print dialog (the monthly report) */
  print: () => void;
}

export interface DashboardContextValue extends DashboardDeps {
  points: readonly PointRecord[];
  /** Reads the points again after a change, so filters and tables show the new names. */
  reloadPoints: () => void;
}

const Context = createContext<DashboardContextValue | null>(null);
export const DashboardProvider = Context.Provider;

export function useDashboard(): DashboardContextValue {
  const value = useContext(Context);
  if (!value) throw new Error('useDashboard outside the dashboard');
  return value;
}

/** A point's name, or its id when the point is unknown (deleted from the list, or not loaded yet). */
export const pointName = (points: readonly PointRecord[], id: string): string => points.find((p) => p.id === id)?.name ?? id;
