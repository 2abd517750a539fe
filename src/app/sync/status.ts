/**
 * What the host may know about syncing, as one small observable value: the
 * screens subscribe to it and never ask the engine anything.
 */
import type { DrainProgress } from './engine.ts';

export type SyncPhase =
  /** Nothing known yet: the first look at the outbox has not answered. */
  | 'starting'
  /** The last attempt reached the city (or none was needed). */
  | 'idle'
  | 'sending'
  /** The city could not be reached, or asked to wait: visits wait for the network. */
  | 'waiting'
  /** 401: the tablet must be paired again. */
  | 'revoked'
  | 'unpaired';

export interface SyncStatus {
  phase: SyncPhase;
  /** Visits whose current rev has not reached the city. */
  pending: number;
  /** Visits the city rejected: the host has to look at them. */
  attention: number;
  /** During a drain: visits answered so far, of all that wait. */
  progress: DrainProgress | null;
  /** When the city last answered, ISO 8601; null when never. */
  lastSyncAt: string | null;
  /** When the next automatic attempt is planned (ms since epoch), or null. */
  nextAttemptAt: number | null;
}

export interface SyncStatusStore {
  get(): SyncStatus;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

export const initialSyncStatus: SyncStatus = {
  phase: 'starting',
  pending: 0,
  attention: 0,
  progress: null,
  lastSyncAt: null,
  nextAttemptAt: null,
};

export function createStatusStore(initial: SyncStatus = initialSyncStatus) {
  let current = initial;
  const listeners = new Set<(status: SyncStatus) => void>();
  const store: SyncStatusStore & { update(change: Partial<SyncStatus>): void } = {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const next = { ...current, ...change };
      const same = (Object.keys(change) as (keyof SyncStatus)[]).every((key) => Object.is(current[key], next[key]));
      if (same) return;
      current = next;
      for (const listener of listeners) listener(current);
    },
  };
  return store;
}
