/**
 * The engine with the real browser around it: the page and the service worker
 * build it the same way, so both send through one lock and one set of rules.
 */
import { CheckinDatabase } from '../db/database.ts';
import { Settings } from '../db/settings.ts';
import { createSyncEngine, type SyncEngine, type SyncEngineDeps } from './engine.ts';
import { platformGzip } from './gzip.ts';
import { outboxLock } from './lock.ts';
import { browserTimers } from './ports.ts';

export interface BrowserEngineOptions extends Partial<SyncEngineDeps> {
  appVersion: string;
}

/** Every dependency not given is the runtime's own (page or service worker). */
export function browserEngineDeps(options: BrowserEngineOptions): SyncEngineDeps {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? browserTimers;
  const random = options.random ?? Math.random;
  return {
    ...options,
    db: options.db ?? new CheckinDatabase(),
    settings: options.settings ?? new Settings(),
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    now,
    timers,
    random,
    lock: options.lock ?? outboxLock({ locks: globalThis.navigator?.locks, now, timers, random }),
    compress: options.compress === undefined ? platformGzip() : options.compress,
  };
}

export function createBrowserEngine(options: BrowserEngineOptions): SyncEngine {
  return createSyncEngine(browserEngineDeps(options));
}
