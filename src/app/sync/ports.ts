/**
 * The side effects the sync engine uses, as narrow interfaces, so the page,
 * the service worker and the tests each hand in their own.
 */
import type { SettingsShape } from '../db/settings.ts';

/** The subset of `fetch` the engine calls. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Milliseconds since the epoch. */
export type Clock = () => number;

/** Uniform in [0, 1). */
export type Random = () => number;

/** The settings the engine reads and writes (the pairing, revocation, last sync). */
export interface SyncSettings {
  get<K extends keyof SettingsShape>(key: K): Promise<SettingsShape[K] | undefined>;
  set<K extends keyof SettingsShape>(key: K, value: SettingsShape[K]): Promise<void>;
}

export type LockOutcome<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `task` while no other tab, worker or engine holds the outbox. */
export interface SendLock {
  /** `waitMs` 0: give up at once when held elsewhere; else wait at most that long. */
  run<T>(task: () => Promise<T>, options?: { waitMs?: number }): Promise<LockOutcome<T>>;
}

/** Gzip for request bodies; null where the runtime has no CompressionStream. */
export type Compress = (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;

/** The browser's timers, bound so they may be called detached. */
export const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as number),
};
