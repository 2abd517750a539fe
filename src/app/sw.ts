/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell and every chunk (so every
 * screen opens offline), answers navigations with index.html, and never
 * caches the API (least of all /api/v1/sync): visits reach the city only
 * through the sync engine, which also runs here when Background Sync wakes
 * the worker after the tablet was closed.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { onBackgroundSync } from './sync/backgroundDrain.ts';
import { APP_VERSION } from './version.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// /api/ and /healthz are answered by the city or not at all: a cached answer would lie about the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/healthz/] }));

self.addEventListener('sync', (event) => onBackgroundSync(event, { appVersion: APP_VERSION }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') self.skipWaiting();
});
