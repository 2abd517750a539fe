/**
 * What a chart shows, independent of the library that draws it, and the
 * drawer that turns it into pixels. The dashboard's entry passes the uPlot
 * drawer in; without one (a test, a browser without canvas) every chart is
 * still there as its table.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DashboardI18n } from '../i18n/i18n.tsx';

export interface ChartRow {
  label: string;
  value: number;
}

export type ChartSpec =
  /** ranked categories as horizontal bars, largest first */
  | { type: 'bars'; rows: readonly ChartRow[] }
  /** counts over time; `dates` are the buckets' first days (YYYY-MM-DD) */
  | { type: 'time'; bucket: 'day' | 'week' | 'month'; dates: readonly string[]; values: readonly number[] };

export interface DrawnChart {
  destroy(): void;
}

export type ChartDrawer = (container: HTMLElement, spec: ChartSpec, i18n: DashboardI18n) => DrawnChart;

const DrawerContext = createContext<ChartDrawer | null>(null);
export const ChartDrawerProvider = DrawerContext.Provider;
export const useChartDrawer = (): ChartDrawer | null => useContext(DrawerContext);
