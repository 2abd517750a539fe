import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { withSyncState } from '../../../src/app/db/database.ts';
import { removeSyncedOlderThan } from '../../../src/app/sync/outbox.ts';
import { RETENTION_DAYS } from '../../../src/app/sync/policy.ts';
import { exportUnsynced } from '../../../src/app/sync/rescue.ts';
import { RescueFile } from '../../../src/shared/protocol.ts';
import { checkVisit } from '../../../src/shared/visitRules.ts';
import { DEVICE_ID, loggedVisit, logVisits, setUpTablet } from './tablet.ts';

const DAY_MIN = 24 * 60;

describe('what the tablet keeps', () => {
  it('removes synced visits older than 14 days, never an unsynced or rejected one', async () => {
    const tablet = await setUpTablet();
    const { time } = tablet;
    const synced = (days: number) => withSyncState({ ...loggedVisit(time, days * DAY_MIN), syncedRev: 1 });
    const oldSynced = synced(15);
    const recentSynced = synced(13);
    const oldUnsynced = loggedVisit(time, 40 * DAY_MIN);
    const oldRejected = withSyncState({
      ...loggedVisit(time, 20 * DAY_MIN),
      syncError: { rev: 1, errors: [{ field: 'note', code: 'personal-data', message: 'looks like an e-mail address' }] },
    });
    // Arrived long ago but corrected yesterday and synced since: the host may still look at it.
    const oldButJustEdited = withSyncState({ ...synced(30), updatedAt: loggedVisit(time, DAY_MIN).updatedAt });
    await tablet.db.visits.bulkPut([oldSynced, recentSynced, oldUnsynced, oldRejected, oldButJustEdited]);

    expect(await removeSyncedOlderThan(tablet.db, time.now(), RETENTION_DAYS)).toBe(1);
    const kept = new Set((await tablet.db.visits.toArray()).map((v) => v.id));
    expect(kept.has(oldSynced.id)).toBe(false);
    expect([recentSynced, oldUnsynced, oldRejected, oldButJustEdited].every((v) => kept.has(v.id))).toBe(true);
  });

  it('keeps a 40-day-old visit that never reached the city until it does, then lets it go', async () => {
    const tablet = await setUpTablet();
    const old = loggedVisit(tablet.time, 40 * DAY_MIN, { endedAt: null });
    await tablet.db.visits.put(old);
    tablet.city.offline = true;
    const engine = tablet.engine();
    await engine.drain();
    expect(await tablet.db.visits.get(old.id)).toBeDefined();

    tablet.city.offline = false;
    await tablet.time.advance(61 * 60_000);
    expect((await engine.drain()).outcome).toBe('done');
    expect(tablet.city.revOf(old.id)).toBe(1);
    expect(await tablet.db.visits.get(old.id)).toBeUndefined();
  });
});

describe('saving unsynced visits to a file', () => {
  it('holds every visit the city has not acknowledged, as protocol visits, with the device id', async () => {
    const tablet = await setUpTablet();
    const [synced, pending] = await logVisits(tablet, 2);
    await tablet.db.visits.update(synced?.id ?? '', { syncedRev: 1, pending: 0 });
    const rejected = withSyncState({
      ...loggedVisit(tablet.time, 5),
      syncError: { rev: 1, errors: [{ field: 'note', code: 'personal-data', message: 'looks like an IBAN' }] },
    });
    await tablet.db.visits.put(rejected);

    const rescue = await exportUnsynced(tablet.db, tablet.settings, tablet.time.now);
    if (!rescue) throw new Error('a paired tablet can always save its visits');
    expect(rescue.file.deviceId).toBe(DEVICE_ID);
    expect(Date.parse(rescue.file.exportedAt)).toBe(tablet.time.now());
    expect(rescue.file.exportedAt).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(rescue.file.visits.map((v) => (v as { id: string }).id)).toEqual([rejected.id, pending?.id]);
    const parsed = JSON.parse(rescue.json) as unknown;
    expect(Value.Check(RescueFile, parsed)).toBe(true);
    for (const visit of rescue.file.visits) {
      expect(Object.keys(visit as object)).not.toContain('syncedRev');
      expect(checkVisit(visit, tablet.time.now()).ok).toBe(true);
    }
    expect(rescue.fileName).toMatch(/^digibank-unsynced-device-predi-\d{8}-\d{4}\.json$/);
  });

  it('is not offered before the tablet was ever paired', async () => {
    const tablet = await setUpTablet();
    await tablet.settings.remove('pairing');
    expect(await exportUnsynced(tablet.db, tablet.settings, tablet.time.now)).toBeNull();
  });
});
