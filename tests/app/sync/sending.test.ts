import { describe, expect, it } from 'vitest';
import { platformGzip } from '../../../src/app/sync/gzip.ts';
import { editVisit, logVisits, setUpTablet } from './tablet.ts';

describe('a host logs visits and they reach the city', () => {
  it('sends the oldest change first and marks every visit synced at the rev the city acknowledged', async () => {
    const tablet = await setUpTablet();
    const visits = await logVisits(tablet, 3);
    const report = await tablet.engine().drain();

    expect(report.outcome).toBe('done');
    expect(tablet.city.syncCalls[0]?.visits).toEqual(visits.map((v) => ({ id: v.id, rev: 1 })));
    const stored = await tablet.db.visits.toArray();
    expect(stored.map((v) => [v.syncedRev, v.pending])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
    expect(await tablet.settings.get('lastSyncAt')).toBe(new Date(tablet.time.now()).toISOString());
  });

  it('orders by last change, so a visit edited today travels after one logged this morning', async () => {
    const tablet = await setUpTablet();
    const [first, second] = await logVisits(tablet, 2);
    await tablet.engine().drain();
    await editVisit(tablet, first?.id ?? '', { outcome: 'resolved' });
    await tablet.time.advance(60_000);
    await editVisit(tablet, second?.id ?? '', { outcome: 'partly' });
    await tablet.time.advance(60_000);
    await editVisit(tablet, first?.id ?? '', { outcome: 'referred', referredTo: 'one-to-one' });
    await tablet.engine().drain();

    expect(tablet.city.syncCalls[1]?.visits).toEqual([
      { id: second?.id, rev: 2 },
      { id: first?.id, rev: 3 },
    ]);
  });

  it('never sends more than 500 visits in one request and reports its progress', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 1_180);
    expect((await tablet.engine().drain()).outcome).toBe('done');

    expect(tablet.city.syncCalls.map((call) => call.visits.length)).toEqual([500, 500, 180]);
    expect(tablet.city.rows.size).toBe(1_180);
    expect(tablet.progress).toEqual([
      { done: 0, total: 1_180 },
      { done: 500, total: 1_180 },
      { done: 1_000, total: 1_180 },
      { done: 1_180, total: 1_180 },
    ]);
  });

  it('halves the batch when the city answers 413, until it fits', async () => {
    const tablet = await setUpTablet();
    tablet.city.maxVisits = 100;
    await logVisits(tablet, 300);
    expect((await tablet.engine().drain()).outcome).toBe('done');

    // 300 → 413, 150 → 413, 75 fits, and the engine keeps that size for the rest of this drain.
    const sizes = tablet.city.syncCalls.map((call) => call.visits.length);
    expect(sizes).toEqual([75, 75, 75, 75]);
    expect(tablet.city.rows.size).toBe(300);
  });

  it('keeps a request under 1 MiB by splitting long batches before sending', async () => {
    const tablet = await setUpTablet();
    // A note pasted from another app, full of control characters that JSON writes as six bytes each.
    const pastedNote = '\u0001'.repeat(280);
    await logVisits(tablet, 1_000, { note: pastedNote, topics: ['itsme', 'banking', 'email', 'health', 'government'] });
    expect((await tablet.engine().drain()).outcome).toBe('done');

    const sizes = tablet.city.syncCalls.map((call) => call.visits.length);
    expect(Math.max(...sizes)).toBeLessThan(500);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_000);
  });

  it('sends gzip where the platform can compress, and the city reads it', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 20);
    const gzip = platformGzip();
    expect(gzip).not.toBeNull();
    await tablet.engine({ compress: gzip }).drain();

    expect(tablet.city.syncCalls[0]?.gzip).toBe(true);
    expect(tablet.city.rows.size).toBe(20);
  });

  it('tells the city the app version, how many visits wait and since when, on every call', async () => {
    const tablet = await setUpTablet();
    tablet.city.maxVisits = 2;
    const visits = await logVisits(tablet, 3);
    await tablet.engine().drain();

    expect(tablet.city.syncCalls.map((call) => call.client)).toEqual([
      { appVersion: '1.4.0', pending: 3, oldestPendingAt: visits[0]?.updatedAt },
      { appVersion: '1.4.0', pending: 1, oldestPendingAt: visits[2]?.updatedAt },
    ]);
  });
});

describe('the city answers per visit', () => {
  it('marks applied, unchanged and stale visits synced, and keeps a rejected one for the host to look at', async () => {
    const tablet = await setUpTablet();
    const [applied, unchanged, stale, rejected] = await logVisits(tablet, 4);
    if (!applied || !unchanged || !stale || !rejected) throw new Error('four visits expected');
    tablet.city.next({
      kind: 'respond',
      status: 200,
      body: JSON.stringify({
        results: [
          { id: applied.id, status: 'applied' },
          { id: unchanged.id, status: 'unchanged' },
          { id: stale.id, status: 'stale' },
          {
            id: rejected.id,
            status: 'rejected',
            errors: [{ field: 'note', code: 'personal-data', message: 'looks like a phone number' }],
          },
        ],
        serverTime: '2026-11-22T10:00:01+01:00',
      }),
    });
    await tablet.engine().drain();

    const byId = new Map((await tablet.db.visits.toArray()).map((v) => [v.id, v]));
    expect([applied, unchanged, stale].map((v) => byId.get(v.id)?.syncedRev)).toEqual([1, 1, 1]);
    expect(byId.get(rejected.id)).toMatchObject({
      syncedRev: 0,
      pending: 0,
      syncError: { rev: 1, errors: [{ field: 'note', code: 'personal-data', message: 'looks like a phone number' }] },
    });
  });

  it('does not resend a rejected visit until the host edits it', async () => {
    const tablet = await setUpTablet();
    const [visit] = await logVisits(tablet, 1, { endedAt: null, note: 'mail naar jan@example.be' });
    const engine = tablet.engine();
    await engine.drain();
    await tablet.time.advance(5 * 60_000);
    await engine.drain();
    expect(tablet.city.syncCalls.flatMap((call) => call.visits)).toEqual([{ id: visit?.id, rev: 1 }]);

    await editVisit(tablet, visit?.id ?? '', { note: null });
    await engine.drain();
    expect(tablet.city.syncCalls.at(-1)?.visits).toEqual([{ id: visit?.id, rev: 2 }]);
    expect(await tablet.db.visits.get(visit?.id ?? '')).toMatchObject({ syncedRev: 2, pending: 0 });
  });

  it('keeps a visit edited while its batch was in flight pending for the new rev, then sends that rev', async () => {
    const tablet = await setUpTablet();
    const [visit, other] = await logVisits(tablet, 2);
    let edited = false;
    tablet.city.whileInFlight = async () => {
      if (edited) return;
      edited = true;
      await editVisit(tablet, visit?.id ?? '', { outcome: 'resolved' });
    };
    await tablet.engine().drain();

    expect(tablet.city.syncCalls.map((call) => call.visits)).toEqual([
      [
        { id: visit?.id, rev: 1 },
        { id: other?.id, rev: 1 },
      ],
      [{ id: visit?.id, rev: 2 }],
    ]);
    expect(tablet.city.revOf(visit?.id ?? '')).toBe(2);
    expect(await tablet.db.visits.get(visit?.id ?? '')).toMatchObject({ rev: 2, syncedRev: 2, pending: 0 });
  });

  it('does not mark a visit rejected when the rejection was for a rev the host has since corrected', async () => {
    const tablet = await setUpTablet();
    const [visit] = await logVisits(tablet, 1, { note: 'mail naar jan@example.be' });
    let edited = false;
    tablet.city.whileInFlight = async () => {
      if (edited) return;
      edited = true;
      await editVisit(tablet, visit?.id ?? '', { note: null });
    };
    await tablet.engine().drain();

    expect(await tablet.db.visits.get(visit?.id ?? '')).toMatchObject({ rev: 2, syncedRev: 2, syncError: null, pending: 0 });
  });

  it('survives a lost answer: the same visits go again and the city says unchanged, nothing twice', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 5);
    tablet.city.next({ kind: 'lose-answer' });
    const engine = tablet.engine();
    expect((await engine.drain()).outcome).toBe('failed');
    expect((await tablet.db.visits.toArray()).filter((v) => v.pending === 1)).toHaveLength(5);

    expect((await engine.drain()).outcome).toBe('done');
    expect(tablet.city.rows.size).toBe(5);
    expect((await tablet.db.visits.toArray()).every((v) => v.syncedRev === 1 && v.pending === 0)).toBe(true);
  });
});
