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

/** One attempt under way: `fail()` when it turned out wrong, `end()` once it is answered either way. */
export interface Attempt {
  fail(): void;
  end(): void;
}

export class FailedAttempts {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();
  /** Attempts still being checked, per key: they count as failures until answered. */
  private readonly running = new Map<string, number>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => Date,
  ) {}

  /**
   * Starts an attempt for `key`, or throws 429 with Retry-After while its
   * failures, plus its attempts still being checked, have reached the limit.
   * Checking takes a while (a password hash, a database look-up), so without
   * counting those a burst sent all at once would pass before its first
   * failure is known. Successful attempts never count once answered.
   */
  begin(key: string): Attempt {
    const at = this.now().getTime();
    const entry = this.failures.get(key);
    const failed = entry && entry.resetAt > at ? entry.count : 0;
    const running = this.running.get(key) ?? 0;
    if (failed + running >= this.limit.max) {
      const seconds = Math.max(1, Math.ceil(((entry && failed > 0 ? entry.resetAt : at + this.limit.windowMs) - at) / 1000));
      throw new HttpError(429, `too many failed attempts from this address; try again in ${seconds} seconds`, {
        'Retry-After': String(seconds),
      });
    }
    this.running.set(key, running + 1);
    let ended = false;
    return {
      fail: () => this.fail(key),
      end: () => {
        if (ended) return;
        ended = true;
        const left = (this.running.get(key) ?? 1) - 1;
        if (left > 0) this.running.set(key, left);
        else this.running.delete(key);
      },
    };
  }

  private fail(key: string): void {
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
