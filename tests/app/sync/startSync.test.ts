import { describe, expect, it } from 'vitest';
import { WRITE_DELAY_MS } from '../../../src/app/sync/policy.ts';
import { startSync } from '../../../src/app/sync/startSync.ts';
import type { SyncStatus } from '../../../src/app/sync/status.ts';
import { FakeTime, settle } from './fakeTime.ts';
import { logVisits, setUpTablet, type Tablet } from './tablet.ts';

class FakeDocument extends EventTarget {
  visibilityState = 'visible';
  hide() {
    this.visibilityState = 'hidden';
    this.dispatchEvent(new Event('visibilitychange'));
  }
  show() {
    this.visibilityState = 'visible';
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

/** Waits until the status says what the story expects, while the clock stands still. */
async function until(read: () => SyncStatus, holds: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  for (let turn = 0; turn < 400 && !holds(read()); turn++) await settle(1);
  return read();
}

function start(tablet: Tablet) {
  const page = { window: new EventTarget(), document: new FakeDocument() };
  const registeredTags: string[] = [];
  const serviceWorker = Promise.resolve({ sync: { register: async (tag: string) => void registeredTags.push(tag) } });
  const sync = startSync({
    appVersion: '1.4.0',
    db: tablet.db,
    settings: tablet.settings,
    fetch: tablet.city.fetch,
    now: tablet.time.now,
    timers: tablet.time,
    random: () => 0.5,
    lock: tablet.lock(),
    compress: null,
    page,
    serviceWorker,
  });
  return { sync, page, registeredTags, status: () => sync.status.get() };
}

describe('the app starts syncing and the host sees it', () => {
  it('notices a logged visit by itself, sends it a few seconds later and says all is synced', async () => {
    const tablet = await setUpTablet({ time: new FakeTime('2026-11-22T10:42:00+01:00') });
    const { sync, status, registeredTags } = start(tablet);
    await tablet.time.runNext();
    await until(status, (s) => s.phase === 'idle' && s.lastSyncAt !== null);

    await logVisits(tablet, 1);
    expect(await until(status, (s) => s.pending === 1)).toMatchObject({ pending: 1, phase: 'idle' });
    expect(tablet.time.nextDelay()).toBe(WRITE_DELAY_MS);
    expect(registeredTags).toContain('digibank-outbox');

    await tablet.time.advance(WRITE_DELAY_MS);
    const after = await until(status, (s) => s.pending === 0 && s.phase === 'idle');
    expect(tablet.city.rows.size).toBe(1);
    expect(after.lastSyncAt).toBe(new Date(tablet.time.now()).toISOString());
    sync.stop();
  });

  it('tries again as soon as the wifi is back or the tablet is woken, without waiting out the back-off', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 2);
    tablet.city.offline = true;
    const { sync, status, page } = start(tablet);
    await until(status, (s) => s.pending === 2);
    for (let attempt = 0; attempt < 8; attempt++) {
      await tablet.time.runNext();
      await sync.settled();
    }
    expect(status()).toMatchObject({ phase: 'waiting', pending: 2 });
    expect(tablet.time.nextDelay()).toBeGreaterThan(10_000);

    tablet.city.offline = false;
    page.window.dispatchEvent(new Event('online'));
    expect(tablet.time.nextDelay()).toBe(0);
    await tablet.time.runNext();
    await sync.settled();
    expect(await until(status, (s) => s.pending === 0)).toMatchObject({ pending: 0 });
    expect(tablet.city.rows.size).toBe(2);

    await logVisits(tablet, 1);
    await until(status, (s) => s.pending === 1);
    tablet.city.offline = true;
    await tablet.time.advance(WRITE_DELAY_MS);
    await sync.settled();
    expect(status().phase).toBe('waiting');
    tablet.city.offline = false;
    page.document.hide();
    page.document.show();
    expect(tablet.time.nextDelay()).toBe(0);
    await tablet.time.runNext();
    await sync.settled();
    expect(await until(status, (s) => s.pending === 0)).toMatchObject({ pending: 0, phase: 'idle' });
    sync.stop();
  });

  it('shows a revoked pairing and visits the city rejected', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1, { note: 'mail jan@example.be' });
    const { sync, status } = start(tablet);
    await tablet.time.runNext();
    expect(await until(status, (s) => s.attention === 1)).toMatchObject({ attention: 1, pending: 0 });

    const pairing = await tablet.settings.get('pairing');
    tablet.city.revoke(pairing?.token ?? '');
    sync.syncNow();
    await tablet.time.runNext();
    await logVisits(tablet, 1);
    await tablet.time.advance(WRITE_DELAY_MS);
    expect(await until(status, (s) => s.phase === 'revoked')).toMatchObject({ phase: 'revoked', pending: 1 });
    sync.stop();
  });

  it('saves every unsynced visit to a rescue file', async () => {
    const tablet = await setUpTablet();
    tablet.city.offline = true;
    const visits = await logVisits(tablet, 3);
    const { sync } = start(tablet);
    const rescue = await sync.saveUnsynced();
    expect(rescue?.file.visits.map((v) => (v as { id: string }).id)).toEqual(visits.map((v) => v.id));
    sync.stop();
  });
});
