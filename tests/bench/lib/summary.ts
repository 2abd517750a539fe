/**
 * Figures from repeated runs: the median and the spread (min–max) across
 * runs, and nearest-rank percentiles of a latency sample. Every figure the
 * benchmark prints or stores goes through here, so they all mean the same.
 */

/** A figure measured several times: median of the runs and their range. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** Nearest-rank percentile (p in 0..1) of `values`; NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
};

export function spread(runs: readonly number[]): Spread {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/** "12.3 (11.9–13.0)": the median and, when there was more than one run, the range. */
export function showSpread(value: Spread, digits = 1, unit = ''): string {
  const f = (n: number) => formatNumber(n, digits);
  return value.runs.length > 1 ? `${f(value.median)}${unit} (${f(value.min)}–${f(value.max)})` : `${f(value.median)}${unit}`;
}

export function formatNumber(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  return n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const clock = (): number => performance.now();

/** Runs `body` `times` times, one after another; `run` counts from 0 (callers alternate orders with it). */
export async function repeat<T>(times: number, body: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < times; run++) results.push(await body(run));
  return results;
}
