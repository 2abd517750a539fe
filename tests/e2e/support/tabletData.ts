/**
 * What a tablet holds in its IndexedDB, read in the page with the plain
 * IndexedDB API (whatever schema version the app is at), and the same
 * visits as the wire records a rescue file would carry.
 */
import type { Page } from 'playwright-core';
import { DB_NAME, type StoredVisit, toWire } from '../../../src/app/db/database.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';

export interface TabletDatabase {
  version: number;
  visits: StoredVisit[];
}

export function readTabletDatabase(page: Page): Promise<TabletDatabase> {
  return page.evaluate(
    (name) =>
      new Promise<TabletDatabase>((resolve, reject) => {
        const opening = indexedDB.open(name);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('visits')) {
            db.close();
            resolve({ version: db.version, visits: [] });
            return;
          }
          const reading = db.transaction('visits', 'readonly').objectStore('visits').getAll();
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            db.close();
            resolve({ version: db.version, visits: reading.result as StoredVisit[] });
          };
        };
      }),
    DB_NAME,
  );
}

export async function storedVisits(page: Page): Promise<StoredVisit[]> {
  return (await readTabletDatabase(page)).visits;
}

export const wireVisits = (visits: StoredVisit[]): VisitRecord[] => visits.map(toWire);

/** The device id this tablet was paired as (idb-keyval's store of settings). */
export function pairedDeviceId(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const opening = indexedDB.open('digibank-settings');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const reading = db.transaction('settings', 'readonly').objectStore('settings').get('pairing');
          reading.onsuccess = () => {
            db.close();
            resolve((reading.result as { deviceId?: string } | undefined)?.deviceId ?? null);
          };
          reading.onerror = () => reject(reading.error);
        };
      }),
  );
}

/** GET /api/v1/config from inside the page, as the app asks it (through the service worker), with this tablet's token. */
export function configFromPage(page: Page): Promise<{ status: number; points: string[] } | 'network-error'> {
  return page.evaluate(async () => {
    const token = await new Promise<string>((resolve, reject) => {
      const opening = indexedDB.open('digibank-settings');
      opening.onerror = () => reject(opening.error);
      opening.onsuccess = () => {
        const reading = opening.result.transaction('settings', 'readonly').objectStore('settings').get('pairing');
        reading.onsuccess = () => resolve((reading.result as { token: string }).token);
        reading.onerror = () => reject(reading.error);
      };
    });
    try {
      const response = await fetch('/api/v1/config', { headers: { authorization: `Bearer ${token}` } });
      const body = (await response.json()) as { points?: { name: string }[] };
      return { status: response.status, points: (body.points ?? []).map((point) => point.name) };
    } catch {
      return 'network-error' as const;
    }
  });
}

/** Every URL held in the Cache Storage of this origin, by cache name. */
export function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      result[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    }
    return result;
  });
}
