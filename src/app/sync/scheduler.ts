/**
 * When the engine drains: a few seconds after a local write, at once on the
 * `online` event, when the app becomes visible and on "Sync now", and on a
 * timer while anything is pending (the back-off), or for the next heartbeat.
 * One timer, one drain at a time per tab; the outbox lock does the rest.
 */
import type { DrainReport, SyncEngine } from './engine.ts';
import { HEARTBEAT_MS, LOCKED_RETRY_MS, PAIRING_POLL_MS, WRITE_DELAY_MS } from './policy.ts';
import type { Clock, Timers } from './ports.ts';

export type SyncTrigger = 'start' | 'write' | 'online' | 'visible' | 'manual' | 'timer';

export interface SyncScheduler {
  trigger(reason: SyncTrigger): void;
  /** Resolves once no drain runs (for the service worker hand-over and for tests). */
  settled(): Promise<void>;
  /** When the next attempt is planned (ms since epoch), or null. */
  nextAttemptAt(): number | null;
  stop(): void;
}

export interface SchedulerDeps {
  engine: SyncEngine;
  now: Clock;
  timers: Timers;
  onReport?: (report: DrainReport) => void;
}

export function createSyncScheduler({ engine, now, timers, onReport }: SchedulerDeps): SyncScheduler {
  let timer: unknown = null;
  let timerAt: number | null = null;
  /** No automatic attempt before this (back-off after a failure). */
  let backoffUntil = 0;
  /** Not even a manual one before this: the city asked for it (Retry-After). */
  let serverAskedUntil = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** Set by online, visible, "Sync now": the network may be back, so the back-off is skipped once. */
  let bypassBackoff = false;

  function planAt(at: number) {
    if (stopped) return;
    if (timerAt !== null && timerAt <= at) return;
    if (timer !== null) timers.clearTimeout(timer);
    timerAt = at;
    timer = timers.setTimeout(fire, Math.max(0, at - now()));
  }

  /** Every timer ends here, so whatever planned it, Retry-After and the back-off hold. */
  function fire() {
    timer = null;
    timerAt = null;
    const gate = Math.max(serverAskedUntil, bypassBackoff ? 0 : backoffUntil);
    if (now() < gate) return planAt(gate);
    bypassBackoff = false;
    run();
  }

  function run() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = engine
      .drain()
      .then(afterDrain, (error: unknown) =>
        afterDrain({ outcome: 'failed', retryAt: now() + LOCKED_RETRY_MS, reason: String(error) }),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          planAt(now());
        }
      });
  }

  function afterDrain(report: DrainReport) {
    const t = now();
    switch (report.outcome) {
      case 'done':
        backoffUntil = 0;
        planAt(t + HEARTBEAT_MS);
        break;
      case 'failed':
        backoffUntil = report.retryAt;
        planAt(report.retryAt);
        break;
      case 'deferred':
        serverAskedUntil = report.retryAt;
        planAt(report.retryAt);
        break;
      case 'locked':
        planAt(t + LOCKED_RETRY_MS);
        break;
      case 'revoked':
      case 'unpaired':
        // Only the local settings are read again: pairing anew resumes sending without a reload.
        planAt(t + PAIRING_POLL_MS);
        break;
    }
    onReport?.(report);
  }

  return {
    trigger(reason) {
      const t = now();
      if (reason === 'write' || reason === 'timer')
        return planAt(Math.max(t + (reason === 'write' ? WRITE_DELAY_MS : 0), backoffUntil));
      // The network may be back: skip the back-off, never the city's own Retry-After.
      bypassBackoff = true;
      planAt(Math.max(t, serverAskedUntil));
    },
    async settled() {
      while (running) await running;
    },
    nextAttemptAt: () => timerAt,
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      timerAt = null;
    },
  };
}
