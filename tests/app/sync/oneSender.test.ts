import { set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { OUTBOX_LOCK, webLock } from '../../../src/app/sync/lock.ts';
import { FakeLockManager } from './fakeLocks.ts';
import { settle, untilTimerPlanned } from './fakeTime.ts';
import { logVisits, setUpTablet } from './tablet.ts';

describe('one sender at a time across tabs and the service worker', () => {
  it('two tabs over one database never send the same batch twice at once', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1_200);
    let slowNetwork = 0;
    tablet.city.whileInFlight = async () => {
      slowNetwork++;
      await settle(20);
    };
    const [firstTab, secondTab] = [tablet.engine(), tablet.engine()];

    const reports = await Promise.all([firstTab.drain(), secondTab.drain(), firstTab.drain(), secondTab.drain()]);

    expect(reports.map((r) => r.outcome).sort()).toEqual(['done', 'locked', 'locked', 'locked']);
    expect(tablet.city.maxInFlight).toBe(1);
    const sentIds = tablet.city.syncCalls.flatMap((call) => call.visits.map((v) => v.id));
    expect(new Set(sentIds).size).toBe(1_200);
    expect(sentIds).toHaveLength(1_200);
    expect(slowNetwork).toBe(3);
  });

  it('a sender that waits for the lock finds the outbox drained and sends nothing twice', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 700);
    const page = tablet.engine();
    const worker = tablet.engine();
    const pageDrain = page.drain();
    const workerDrain = worker.drain({ waitMs: 60_000 });
    expect((await pageDrain).outcome).toBe('done');
    await tablet.time.advance(1_000);
    expect((await workerDrain).outcome).toBe('done');
    expect(tablet.city.maxInFlight).toBe(1);
    const sentIds = tablet.city.syncCalls.flatMap((call) => call.visits.map((v) => v.id));
    expect(sentIds).toHaveLength(700);
    expect(new Set(sentIds).size).toBe(700);
  });

  it('takes over the lease of a tab that was closed mid-send, once it expires', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 3);
    // The closed tab's lease stays behind in IndexedDB, and nobody renews it any more.
    await set(OUTBOX_LOCK, { owner: 'closed-tab', expiresAt: tablet.time.now() + 30_000 }, tablet.leases);
    const engine = tablet.engine();

    expect(await engine.drain()).toEqual({ outcome: 'locked' });
    await tablet.time.advance(30_000);
    expect((await engine.drain()).outcome).toBe('done');
    expect(tablet.city.rows.size).toBe(3);
  });

  it('lets one tab hold the outbox for as long as it sends, renewing its lease', async () => {
    const tablet = await setUpTablet();
    const [sending, waiting] = [tablet.lock(), tablet.lock()];
    let finish: () => void = () => {};
    const longSend = sending.run(() => new Promise<void>((resolve) => (finish = resolve)));
    for (let tenSeconds = 0; tenSeconds < 12; tenSeconds++) {
      await untilTimerPlanned(tablet.time);
      await tablet.time.advance(10_000);
    }
    expect(await waiting.run(async () => 'sent')).toEqual({ acquired: false });

    finish();
    await longSend;
    expect(await waiting.run(async () => 'sent')).toEqual({ acquired: true, value: 'sent' });
  });

  it('with Web Locks, a second tab skips while the first sends, and the service worker waits its turn', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 900);
    const locks = new FakeLockManager() as unknown as LockManager;
    const tab = (waitMs = 0) => tablet.engine({ lock: webLock(locks, tablet.time) }).drain({ waitMs });

    const [first, second, worker] = await Promise.all([tab(), tab(), tab(60_000)]);

    expect([first.outcome, second.outcome, worker.outcome]).toEqual(['done', 'locked', 'done']);
    expect(tablet.city.maxInFlight).toBe(1);
    const sentIds = tablet.city.syncCalls.flatMap((call) => call.visits.map((v) => v.id));
    expect(sentIds).toHaveLength(900);
    expect(new Set(sentIds).size).toBe(900);
  });

  it('with Web Locks, the service worker gives up waiting after its time and leaves the visits to the page', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1);
    const locks = new FakeLockManager() as unknown as LockManager;
    let finish: () => void = () => {};
    const pageHolds = webLock(locks, tablet.time).run(() => new Promise<void>((resolve) => (finish = resolve)));
    const worker = tablet.engine({ lock: webLock(locks, tablet.time) }).drain({ waitMs: 60_000 });
    await untilTimerPlanned(tablet.time);
    await tablet.time.advance(60_000);

    expect(await worker).toEqual({ outcome: 'locked' });
    expect(tablet.city.syncCalls).toHaveLength(0);
    finish();
    await pageHolds;
  });
});
