import { describe, expect, it } from 'vitest';
import { drainInBackground, onBackgroundSync, requestBackgroundSync } from '../../../src/app/sync/backgroundDrain.ts';
import { logVisits, setUpTablet, type Tablet } from './tablet.ts';

const workerOptions = (tablet: Tablet) => ({
  appVersion: '1.4.0',
  db: tablet.db,
  settings: tablet.settings,
  fetch: tablet.city.fetch,
  now: tablet.time.now,
  timers: tablet.time,
  lock: tablet.lock(),
  compress: null,
});

describe('the service worker drains the outbox when the browser wakes it', () => {
  it('sends visits logged just before the tablet was closed', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 4);
    await drainInBackground(workerOptions(tablet));
    expect(tablet.city.rows.size).toBe(4);
  });

  it('fails the sync event while the city cannot be reached, so the browser tries again later', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    tablet.city.offline = true;
    await expect(drainInBackground(workerOptions(tablet))).rejects.toThrow('visits still wait for the network');
    expect(await tablet.db.visits.count()).toBe(1);
  });

  it('answers only its own sync tag', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    const waited: Promise<unknown>[] = [];
    const event = (tag: string) => Object.assign(new Event('sync'), { tag, waitUntil: (p: Promise<unknown>) => waited.push(p) });
    onBackgroundSync(event('someone-else'), workerOptions(tablet));
    expect(waited).toHaveLength(0);
    onBackgroundSync(event('digibank-outbox'), workerOptions(tablet));
    await Promise.all(waited);
    expect(tablet.city.rows.size).toBe(1);
  });

  it('is asked for by the page where the browser has Background Sync, and skipped where not', async () => {
    const tags: string[] = [];
    expect(await requestBackgroundSync({ sync: { register: async (tag) => void tags.push(tag) } })).toBe(true);
    expect(tags).toEqual(['digibank-outbox']);
    expect(await requestBackgroundSync({})).toBe(false);
    expect(await requestBackgroundSync(undefined)).toBe(false);
    const refused = { register: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) };
    expect(await requestBackgroundSync({ sync: refused })).toBe(false);
  });
});
