import { describe, expect, it } from 'vitest';
import { readPendingBatch } from '../../../src/app/sync/outbox.ts';
import { editVisit, loggedVisit, logVisits, setUpTablet } from './tablet.ts';

describe('a long outbox goes out batch after batch, the next one prepared while one is in flight', () => {
  it('sends every visit exactly once, in order, even when hundreds share the same last-change time', async () => {
    const tablet = await setUpTablet();
    // A busy morning logged in the same minute: the outbox order ties across every batch boundary.
    const visits = Array.from({ length: 1_180 }, () => loggedVisit(tablet.time, 30));
    await tablet.db.visits.bulkPut(visits);
    expect((await tablet.engine().drain()).outcome).toBe('done');

    const sent = tablet.city.syncCalls.flatMap((call) => call.visits.map((visit) => visit.id));
    expect(tablet.city.syncCalls.map((call) => call.visits.length)).toEqual([500, 500, 180]);
    expect(new Set(sent).size).toBe(1_180);
    expect(sent).toEqual([...visits.map((visit) => visit.id)].sort());
    expect(await tablet.db.visits.where('pending').equals(1).count()).toBe(0);
  });

  it('reads on after a batch still in flight without skipping or repeating a visit', async () => {
    const tablet = await setUpTablet();
    const sameMinute = Array.from({ length: 5 }, () => loggedVisit(tablet.time, 20));
    const later = Array.from({ length: 2 }, (_, i) => loggedVisit(tablet.time, 10 - i));
    await tablet.db.visits.bulkPut([...sameMinute, ...later]);
    const ids = (list: { id: string }[]) => list.map((visit) => visit.id);

    const first = await readPendingBatch(tablet.db, 3);
    const second = await readPendingBatch(tablet.db, 3, first);
    const third = await readPendingBatch(tablet.db, 3, second);
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual([...ids(sameMinute).sort(), ...ids(later)]);
    expect(await readPendingBatch(tablet.db, 3, third)).toEqual([]);
  });

  it('also sends a visit the host logs while the last batch is in flight, in the same drain', async () => {
    const tablet = await setUpTablet();
    await logVisits(tablet, 3);
    let logged = false;
    tablet.city.whileInFlight = async () => {
      if (logged) return;
      logged = true;
      await tablet.db.visits.put(loggedVisit(tablet.time, 0, { topics: ['email'] }));
    };
    expect((await tablet.engine().drain()).outcome).toBe('done');

    expect(tablet.city.syncCalls.map((call) => call.visits.length)).toEqual([3, 1]);
    expect(tablet.city.rows.size).toBe(4);
    expect(await tablet.db.visits.where('pending').equals(1).count()).toBe(0);
  });

  it('sends again a visit edited while the batch after its own was being prepared', async () => {
    const tablet = await setUpTablet();
    const visits = Array.from({ length: 600 }, (_, i) => loggedVisit(tablet.time, 600 - i));
    await tablet.db.visits.bulkPut(visits);
    const inSecondBatch = visits[550]?.id ?? '';
    let edited = false;
    tablet.city.whileInFlight = async () => {
      if (edited) return;
      edited = true;
      await editVisit(tablet, inSecondBatch, { outcome: 'resolved' });
    };
    expect((await tablet.engine().drain()).outcome).toBe('done');

    expect(tablet.city.revOf(inSecondBatch)).toBe(2);
    expect(tablet.city.rows.size).toBe(600);
    expect(await tablet.db.visits.get(inSecondBatch)).toMatchObject({ rev: 2, syncedRev: 2, pending: 0 });
  });
});
