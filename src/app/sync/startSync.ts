/**
 * Starts syncing for the app: one engine and scheduler per tab, fed by the
 * database itself (any write of a visit, in this tab or another), the
 * `online` event, the page becoming visible and "Sync now". The screens get
 * a status store and two actions; the use cases never call the engine.
 */
import { liveQuery } from 'dexie';
import { requestBackgroundSync } from './backgroundDrain.ts';
import { type BrowserEngineOptions, browserEngineDeps } from './browserEngine.ts';
import { createSyncEngine, type DrainReport } from './engine.ts';
import { summarizeOutbox } from './outbox.ts';
import type { Clock } from './ports.ts';
import { exportUnsynced, type RescueExport } from './rescue.ts';
import { createSyncScheduler } from './scheduler.ts';
import { createStatusStore, type SyncPhase, type SyncStatusStore } from './status.ts';

/** The page's signals, typed loosely so this module also compiles for the service worker's lib. */
export interface PageSignals {
  /** `window`: fires `online`. */
  window: EventTarget;
  /** `document`: fires `visibilitychange` and tells `visibilityState`. */
  document: EventTarget & { readonly visibilityState: string };
}

export interface StartSyncOptions extends BrowserEngineOptions {
  page: PageSignals;
  /** `navigator.serviceWorker.ready` where there is a service worker, for Background Sync. */
  serviceWorker?: Promise<{ sync?: { register(tag: string): Promise<void> } }> | undefined;
}

export interface SyncHandle {
  status: SyncStatusStore;
  /** The engine's clock, so the status line and the engine agree on what "today" is. */
  now: Clock;
  /** "Sync now": tries at once (a Retry-After of the city still holds). */
  syncNow(): void;
  /** "Save unsynced visits to a file": the rescue file, or null before any pairing. */
  saveUnsynced(): Promise<RescueExport | null>;
  /** Resolves when no attempt of this tab is running. */
  settled(): Promise<void>;
  stop(): void;
}

const PHASE_AFTER: Record<DrainReport['outcome'], SyncPhase> = {
  done: 'idle',
  failed: 'waiting',
  deferred: 'waiting',
  revoked: 'revoked',
  unpaired: 'unpaired',
  locked: 'idle',
};

export function startSync(options: StartSyncOptions): SyncHandle {
  const status = createStatusStore();
  const deps = browserEngineDeps({
    ...options,
    onProgress: (progress) => status.update({ phase: 'sending', progress }),
  });
  const engine = createSyncEngine(deps);
  const scheduler = createSyncScheduler({
    engine,
    now: deps.now,
    timers: deps.timers,
    onReport: (report) => {
      const lastSyncAt = report.outcome === 'done' ? report.lastSyncAt : status.get().lastSyncAt;
      // Another tab sending is not news for this one: keep what it showed.
      const phase = report.outcome === 'locked' ? status.get().phase : PHASE_AFTER[report.outcome];
      status.update({ phase, progress: null, lastSyncAt, nextAttemptAt: scheduler.nextAttemptAt() });
    },
  });

  void deps.settings.get('lastSyncAt').then((lastSyncAt) => {
    if (lastSyncAt && status.get().lastSyncAt === null) status.update({ lastSyncAt });
  });

  const outbox = liveQuery(() => summarizeOutbox(deps.db)).subscribe({
    next: (summary) => {
      const wasStarting = status.get().phase === 'starting';
      status.update({ pending: summary.pending, attention: summary.attention, ...(wasStarting ? { phase: 'idle' } : {}) });
      if (summary.pending > 0) {
        scheduler.trigger('write');
        void options.serviceWorker?.then(requestBackgroundSync).catch(() => undefined);
      }
    },
    error: () => undefined, // the next write re-runs the query; syncing itself does not depend on it
  });

  const onOnline = () => scheduler.trigger('online');
  const onVisibility = () => {
    if (options.page.document.visibilityState === 'visible') scheduler.trigger('visible');
  };
  options.page.window.addEventListener('online', onOnline);
  options.page.document.addEventListener('visibilitychange', onVisibility);
  scheduler.trigger('start');

  return {
    status,
    now: deps.now,
    syncNow: () => scheduler.trigger('manual'),
    saveUnsynced: () => exportUnsynced(deps.db, deps.settings, deps.now),
    settled: () => scheduler.settled(),
    stop() {
      scheduler.stop();
      outbox.unsubscribe();
      options.page.window.removeEventListener('online', onOnline);
      options.page.document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
