/** The period, point and kind every figure, chart, export and report of the dashboard is about. */
import type { Kind } from '../../shared/taxonomy.ts';
import type { StatsQuery } from './api/types.ts';
import { type Period, type Preset, presetPeriod } from './period/period.ts';

export interface Filters {
  preset: Preset;
  period: Period;
  point: string | null;
  kind: Kind | null;
}

/** A local date as YYYY-MM-DD, in the browser's time zone (the coordinator's). */
export function localDate(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const initialFilters = (nowMs: number): Filters => ({
  preset: 'month',
  period: presetPeriod('month', localDate(nowMs)),
  point: null,
  kind: null,
});

export const statsQuery = (filters: Filters, period: Period = filters.period): StatsQuery => ({
  from: period.from,
  to: period.to,
  point: filters.point,
  kind: filters.kind,
});
