/**
 * A tablet for the stories: a fresh visits database and settings store, a
 * pairing with the fake city, and an engine whose clock, timers, random
 * source and lock the story controls.
 */
import { createStore, type UseStore } from 'idb-keyval';
import { CheckinDatabase, type StoredVisit, withSyncState } from '../../../src/app/db/database.ts';
import { Settings } from '../../../src/app/db/settings.ts';
import { createSyncEngine, type DrainProgress, type SyncEngineDeps } from '../../../src/app/sync/engine.ts';
import { leaseLock } from '../../../src/app/sync/lock.ts';
import type { SendLock } from '../../../src/app/sync/ports.ts';
import { uuidv7 } from '../../../src/shared/uuid.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { FakeCity } from './fakeCity.ts';
import { FakeTime } from './fakeTime.ts';

let tablets = 0;

export const DEVICE_ID = 'device-predikheren-1';
export const TOKEN = 'token-predikheren-1';

export interface Tablet {
  db: CheckinDatabase;
  settings: Settings;
  time: FakeTime;
  city: FakeCity;
  progress: DrainProgress[];
  /** Where the tabs of this tablet keep the outbox lease (where Web Locks are missing). */
  leases: UseStore;
  engine(overrides?: Partial<SyncEngineDeps>): ReturnType<typeof createSyncEngine>;
  lock(): SendLock;
}

export async function setUpTablet(options: { time?: FakeTime; city?: FakeCity; name?: string } = {}): Promise<Tablet> {
  const name = options.name ?? `tablet-${++tablets}`;
  const time = options.time ?? new FakeTime();
  const city = options.city ?? new FakeCity(time.now);
  const db = new CheckinDatabase(name);
  const settings = new Settings(createStore(`${name}-settings`, 'settings'));
  const leases = createStore(`${name}-lease`, 'lease');
  await settings.set('pairing', {
    deviceId: DEVICE_ID,
    token: TOKEN,
    label: 'Predikheren 1',
    pairedAt: '2026-11-01T09:00:00+01:00',
  });
  city.pair(DEVICE_ID, TOKEN);
  const progress: DrainProgress[] = [];
  const lock = () => leaseLock({ now: time.now, timers: time, random: Math.random, store: leases });
  return {
    db,
    settings,
    time,
    city,
    progress,
    leases,
    lock,
    engine: (overrides = {}) =>
      createSyncEngine({
        db,
        settings,
        appVersion: '1.4.0',
        fetch: city.fetch,
        now: time.now,
        timers: time,
        lock: lock(),
        random: () => 0.5,
        compress: null,
        onProgress: (p) => progress.push(p),
        ...overrides,
      }),
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

/** A visit the host logged `minutesAgo` before the tablet's clock, as the use cases store it. */
export function loggedVisit(time: FakeTime, minutesAgo: number, extra: Partial<VisitRecord> = {}): StoredVisit {
  const at = time.now() - minutesAgo * 60_000;
  const record: VisitRecord = {
    id: uuidv7(at),
    rev: 1,
    pointId: 'predikheren',
    kind: 'question',
    arrivedAt: iso(at),
    startedAt: null,
    endedAt: null,
    topics: ['itsme'],
    device: null,
    problem: null,
    visitor: null,
    outcome: null,
    referredTo: null,
    effort: null,
    contact: 'walk-in',
    people: 1,
    barrier: false,
    note: null,
    deleted: false,
    createdAt: iso(at),
    updatedAt: iso(at),
    ...extra,
  };
  return withSyncState({ ...record, syncedRev: 0, syncError: null });
}

/** The host logs `count` visits, one a minute, the oldest `count` minutes ago. */
export async function logVisits(tablet: Tablet, count: number, extra: Partial<VisitRecord> = {}): Promise<StoredVisit[]> {
  const visits = Array.from({ length: count }, (_, i) => loggedVisit(tablet.time, count - i, extra));
  await tablet.db.visits.bulkPut(visits);
  return visits;
}

/** The host corrects a visit: a new rev, as the edit use case writes it. */
export async function editVisit(tablet: Tablet, id: string, changes: Partial<VisitRecord>): Promise<StoredVisit> {
  return tablet.db.transaction('rw', tablet.db.visits, async () => {
    const current = await tablet.db.visits.get(id);
    if (!current) throw new Error(`no visit ${id}`);
    const edited = withSyncState({
      ...current,
      ...changes,
      rev: current.rev + 1,
      syncError: null,
      updatedAt: iso(tablet.time.now()),
    });
    await tablet.db.visits.put(edited);
    return edited;
  });
}
