/**
 * Brute-force protection for pairing codes, setup codes and passwords: per
 * client address, only failed attempts count, so a coordinator pairing fifty
 * tablets from one office is never slowed down while someone guessing codes
 * is stopped after a handful. Kept in memory per process (a guesser spread
 * over several processes gets each one's allowance: still far too few
 * guesses for a code that expires in 24 hours).
 */
import type { RateLimit } from '../config.ts';
import { HttpError } from './context.ts';

const MAX_TRACKED = 10_000;

export class FailedAttempts {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => Date,
  ) {}

  /** Throws 429 with Retry-After while `key` has used up its failed attempts. */
  assertAllowed(key: string): void {
    const entry = this.failures.get(key);
    const at = this.now().getTime();
    if (!entry || entry.resetAt <= at) return;
    if (entry.count >= this.limit.max) {
      const seconds = Math.max(1, Math.ceil((entry.resetAt - at) / 1000));
      throw new HttpError(429, `too many failed attempts from this address; try again in ${seconds} seconds`, {
        'Retry-After': String(seconds),
      });
    }
  }

  fail(key: string): void {
    const at = this.now().getTime();
    const entry = this.failures.get(key);
    if (entry && entry.resetAt > at) {
      entry.count += 1;
      return;
    }
    if (this.failures.size >= MAX_TRACKED) this.forgetExpired(at);
    this.failures.set(key, { count: 1, resetAt: at + this.limit.windowMs });
  }

  private forgetExpired(at: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= at) this.failures.delete(key);
    // Still full: drop the oldest entries rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_TRACKED) break;
      this.failures.delete(key);
    }
  }
}
