/**
 * One sender at a time across tabs and the service worker. The Web Locks API
 * is the real thing; where it is missing, a lease in IndexedDB (shared by every
 * tab and the worker of this origin) stands in. A lease that outlives its
 * holder (a tab killed mid-send) expires; should two senders ever overlap,
 * the protocol's idempotent writes keep the city's data right.
 */
import { createStore, type UseStore, update } from 'idb-keyval';
import type { Clock, LockOutcome, Random, SendLock, Timers } from './ports.ts';

export const OUTBOX_LOCK = 'digibank-outbox';
const LEASE_MS = 30_000;
const POLL_MS = 500;

export function webLock(locks: LockManager, timers: Timers, name = OUTBOX_LOCK): SendLock {
  return {
    async run<T>(task: () => Promise<T>, { waitMs = 0 } = {}): Promise<LockOutcome<T>> {
      if (waitMs <= 0) {
        return locks.request(
          name,
          { ifAvailable: true },
          async (lock): Promise<LockOutcome<T>> => (lock ? { acquired: true, value: await task() } : { acquired: false }),
        );
      }
      const giveUp = new AbortController();
      const timer = timers.setTimeout(() => giveUp.abort(), waitMs);
      try {
        return await locks.request(name, { signal: giveUp.signal }, async (): Promise<LockOutcome<T>> => {
          timers.clearTimeout(timer);
          return { acquired: true, value: await task() };
        });
      } catch (error) {
        if (giveUp.signal.aborted) return { acquired: false };
        throw error;
      } finally {
        timers.clearTimeout(timer);
      }
    },
  };
}

interface Lease {
  owner: string;
  expiresAt: number;
}

export interface LeaseLockDeps {
  now: Clock;
  timers: Timers;
  random: Random;
  store?: UseStore;
  name?: string;
}

export function leaseLock({ now, timers, random, store, name = OUTBOX_LOCK }: LeaseLockDeps): SendLock {
  const leases = store ?? createStore('digibank-sync-lease', 'lease');
  const owner = `${now().toString(36)}-${Math.floor(random() * 2 ** 48).toString(36)}`;

  /** Takes a free or expired lease; with `renewing`, extends only a lease this sender already holds. */
  async function claim(renewing: boolean): Promise<boolean> {
    let won = false;
    await update<Lease | null>(
      name,
      (current) => {
        const t = now();
        won = renewing ? current?.owner === owner : !current || current.expiresAt <= t;
        return won ? { owner, expiresAt: t + LEASE_MS } : (current ?? null);
      },
      leases,
    );
    return won;
  }

  const release = () => update<Lease | null>(name, (current) => (current?.owner === owner ? null : (current ?? null)), leases);
  const sleep = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));

  return {
    async run<T>(task: () => Promise<T>, { waitMs = 0 } = {}): Promise<LockOutcome<T>> {
      const deadline = now() + waitMs;
      while (!(await claim(false))) {
        if (now() >= deadline) return { acquired: false };
        await sleep(POLL_MS);
      }
      let holding = true;
      let renewal: unknown;
      const renew = () => {
        if (holding) renewal = timers.setTimeout(() => void claim(true).then(renew, renew), LEASE_MS / 3);
      };
      renew();
      try {
        return { acquired: true, value: await task() };
      } finally {
        holding = false;
        timers.clearTimeout(renewal);
        await release();
      }
    },
  };
}

/** Web Locks where the runtime has them, else the IndexedDB lease. */
export function outboxLock(deps: LeaseLockDeps & { locks?: LockManager | undefined }): SendLock {
  return deps.locks ? webLock(deps.locks, deps.timers, deps.name) : leaseLock(deps);
}
