/**
 * When to try again. Pure functions: the random source and the clock are
 * parameters, so the schedule is testable to the millisecond.
 */
import { RETRY_AFTER_CAP_MS, RETRY_BASE_MS, RETRY_CAP_MS } from './policy.ts';

/**
 * Exponential back-off with full jitter after `failures` consecutive failed
 * attempts (1 for the first): a uniform wait in [0, min(cap, base × 2^(failures−1))).
 * Full jitter keeps the tablets of a city from retrying in lockstep after an outage.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds or an
 * HTTP-date. Null when absent or unreadable, so the caller falls back to back-off.
 */
export function retryAfterDelay(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  let delay: number;
  if (/^\d+$/.test(value)) delay = Number(value) * 1000;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    delay = Math.max(0, at - nowMs);
  }
  return Math.min(delay, RETRY_AFTER_CAP_MS);
}
