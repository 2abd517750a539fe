/// <reference lib="webworker" />
/**
 * The service worker: precaches the app shell and every chunk (so every
 * screen opens offline), answers navigations with index.html, keeps the last
 * answer of GET /api/v1/config for when the city cannot be reached, and caches
 * nothing else of the API (least of all /api/v1/sync): visits reach the city
 * only through the sync engine, which also runs here when Background Sync
 * wakes the worker after the tablet was closed.
 *
 * A new version waits until the host taps "Vernieuwen" (SKIP_WAITING); the
 * first one takes control at once, so the tablet works offline right after setup.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { API } from '../shared/protocol.ts';
import { onBackgroundSync } from './sync/backgroundDrain.ts';
import { APP_VERSION } from './version.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// /api/ and /healthz are answered by the city or not at all: a cached answer would lie about the network.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//, /^\/healthz/] }));

// The point list: fresh when the city answers, the last good answer when it does not (only 200s are kept).
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && url.pathname === `${API}/config` && request.method === 'GET',
  new NetworkFirst({ cacheName: 'city-config', networkTimeoutSeconds: 10 }),
);

self.addEventListener('sync', (event) => onBackgroundSync(event, { appVersion: APP_VERSION }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') self.skipWaiting();
});
