/**
 * A tablet for tests: a real Dexie database and settings store on
 * fake-indexeddb (a fresh pair per call), a clock the test moves by hand,
 * a fake city behind `fetch`, and in-memory session storage for drafts.
 */
import { createStore } from 'idb-keyval';
import { CheckinDatabase } from '../../../src/app/db/database.ts';
import { Settings } from '../../../src/app/db/settings.ts';
import type { VisitDeps } from '../../../src/app/visits/deps.ts';
import { createTablet, type Tablet } from '../../../src/app/visits/service.ts';
import type { Point } from '../../../src/shared/protocol.ts';
import { uuidv7 } from '../../../src/shared/uuid.ts';

let tablets = 0;

export const POINTS: Point[] = [
  { id: 'predikheren', name: 'Bibliotheek Het Predikheren' },
  { id: 'den-abeel', name: 'Lokaal Dienstencentrum Den Abeel' },
];

export interface Clock {
  now: () => number;
  advanceMinutes: (minutes: number) => void;
}

/** Sunday 22 November 2026, 09:00 on the clock of the machine running the tests (so screens show 09:00 anywhere). */
export function clockAt(start = new Date(2026, 10, 22, 9, 0, 0).getTime()): Clock {
  let now = start;
  return { now: () => now, advanceMinutes: (minutes) => (now += minutes * 60_000) };
}

export class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

export interface FakeCity {
  fetch: typeof fetch;
  requests: { url: string; method: string; body: unknown; authorization: string | null }[];
  /** What the next pairing answers: a status, or 'network' for no connection at all. */
  pairAnswer: number | 'network';
  points: Point[];
}

export function fakeCity(): FakeCity {
  const city: FakeCity = {
    requests: [],
    pairAnswer: 201,
    points: POINTS,
    fetch: async (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      city.requests.push({
        url,
        method: init?.method ?? 'GET',
        body: init?.body ? JSON.parse(String(init.body)) : null,
        authorization: headers.get('authorization'),
      });
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/api/v1/devices/pair')) {
        if (city.pairAnswer === 'network') throw new TypeError('Failed to fetch');
        if (city.pairAnswer !== 201) return json(city.pairAnswer, { message: 'invalid, used or expired code' });
        const pairs = city.requests.filter((r) => r.url.endsWith('/pair')).length;
        return json(201, { deviceId: 'device-1', token: `token-${pairs}` });
      }
      if (url.endsWith('/api/v1/config')) {
        return json(200, { points: city.points, taxonomyVersion: 1, serverTime: '2026-11-22T09:00:00.000+01:00' });
      }
      return json(404, {});
    },
  };
  return city;
}

export interface TestTablet {
  tablet: Tablet;
  deps: VisitDeps;
  db: CheckinDatabase;
  settings: Settings;
  clock: Clock;
  city: FakeCity;
  drafts: MemoryStorage;
  persist: { answer: boolean };
}

export function setUpTablet(options: { clock?: Clock; drafts?: MemoryStorage; name?: string } = {}): TestTablet {
  const name = options.name ?? `tablet-${++tablets}`;
  const db = new CheckinDatabase(name);
  const settings = new Settings(createStore(`${name}-settings`, 'settings'));
  const clock = options.clock ?? clockAt();
  const city = fakeCity();
  const drafts = options.drafts ?? new MemoryStorage();
  const persist = { answer: true };
  const deps: VisitDeps = { db, now: clock.now, newId: (ms) => uuidv7(ms) };
  const tablet = createTablet({
    ...deps,
    settings,
    // Through the city object, so a test can swap the city's behaviour midway.
    fetch: (input, init) => city.fetch(input, init),
    newInstallId: () => '0b7e4a52-52f1-4b8f-9d47-6a3c1f0e9d21',
    draftStorage: drafts,
    storageManager: { persist: async () => persist.answer },
  });
  return { tablet, deps, db, settings, clock, city, drafts, persist };
}

/** A tablet that was paired and set to a point, as on any ordinary morning. */
export async function pairedTablet(options: Parameters<typeof setUpTablet>[0] = {}): Promise<TestTablet> {
  const t = setUpTablet(options);
  await t.settings.set('installId', '0b7e4a52-52f1-4b8f-9d47-6a3c1f0e9d21');
  await t.settings.set('pairing', {
    deviceId: 'device-1',
    token: 'token-0',
    label: 'Tablet balie',
    pairedAt: '2026-11-01T10:00:00.000+01:00',
  });
  await t.settings.set('points', POINTS);
  await t.settings.set('pointId', 'predikheren');
  return t;
}
