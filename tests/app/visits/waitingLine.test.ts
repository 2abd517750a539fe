import { describe, expect, it } from 'vitest';
import type { ShownVisit } from '../../../src/app/visits/readVisits.ts';
import { todayView } from '../../../src/app/visits/todayView.ts';
import { pairedTablet, type TestTablet } from '../helpers/tablet.ts';

const RFC3339_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/;

function today(t: TestTablet): Promise<ShownVisit[]> {
  return new Promise((resolve) => {
    const stop = t.tablet.watchToday('predikheren', (visits) => {
      resolve(visits);
      queueMicrotask(stop);
    });
  });
}

describe('a host runs the waiting line', () => {
  it('checks a visitor in with one tap: a waiting visit, arrived now, saved and queued for the city', async () => {
    const t = await pairedTablet();
    const result = await t.tablet.checkIn('predikheren');
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const stored = await t.db.visits.get(result.visit.id);
    expect(stored).toMatchObject({
      rev: 1,
      pointId: 'predikheren',
      kind: 'question',
      startedAt: null,
      endedAt: null,
      pending: 1,
    });
    expect(stored?.arrivedAt).toMatch(RFC3339_WITH_OFFSET);
    expect(Date.parse(stored?.arrivedAt ?? '')).toBe(t.clock.now());
    expect(stored?.createdAt).toBe(stored?.arrivedAt);
    expect(stored?.updatedAt).toBe(stored?.arrivedAt);

    const view = todayView(await today(t));
    expect(view.waiting.map((entry) => entry.number)).toEqual([1]);
  });

  it('starts helping, then finishes with a topic and an outcome; each step is one more revision', async () => {
    const t = await pairedTablet();
    const checkedIn = await t.tablet.checkIn('predikheren');
    if (!checkedIn.ok) throw new Error('check-in failed');
    const id = checkedIn.visit.id;

    t.clock.advanceMinutes(6);
    await t.tablet.startHelp(id);
    expect(todayView(await today(t)).inHelp.map((e) => e.visit.id)).toEqual([id]);

    t.clock.advanceMinutes(20);
    const finished = await t.tablet.finishVisit(id, {
      kind: 'question',
      topics: ['health'],
      device: null,
      problem: null,
      outcome: 'resolved',
      referredTo: null,
    });
    expect(finished.ok).toBe(true);

    const stored = await t.db.visits.get(id);
    expect(stored).toMatchObject({ rev: 3, topics: ['health'], outcome: 'resolved', pending: 1 });
    expect(Date.parse(stored?.startedAt ?? '') - Date.parse(stored?.arrivedAt ?? '')).toBe(6 * 60_000);
    expect(Date.parse(stored?.endedAt ?? '') - Date.parse(stored?.startedAt ?? '')).toBe(20 * 60_000);
    expect(stored?.createdAt).toBe(stored?.arrivedAt);
    expect(todayView(await today(t)).done.map((e) => e.visit.id)).toEqual([id]);
  });

  it('marks a visitor who left before anyone could help: outcome "left", done, and no topic needed', async () => {
    const t = await pairedTablet();
    const checkedIn = await t.tablet.checkIn('predikheren');
    if (!checkedIn.ok) throw new Error('check-in failed');
    t.clock.advanceMinutes(25);
    const left = await t.tablet.leaveWithoutHelp(checkedIn.visit.id);
    expect(left.ok).toBe(true);
    expect(await t.db.visits.get(checkedIn.visit.id)).toMatchObject({ outcome: 'left', endedAt: null, topics: [], rev: 2 });
    const view = todayView(await today(t));
    expect(view.waiting).toEqual([]);
    expect(view.done).toHaveLength(1);
  });

  it('refuses to finish a visit without a topic and says which field is wrong', async () => {
    const t = await pairedTablet();
    const checkedIn = await t.tablet.checkIn('predikheren');
    if (!checkedIn.ok) throw new Error('check-in failed');
    const result = await t.tablet.finishVisit(checkedIn.visit.id, {
      kind: 'question',
      topics: [],
      device: null,
      problem: null,
      outcome: 'resolved',
      referredTo: null,
    });
    expect(result).toMatchObject({ ok: false, problem: 'invalid', errors: [{ field: 'topics', code: 'topics-required' }] });
    expect(await t.db.visits.get(checkedIn.visit.id)).toMatchObject({ rev: 1, endedAt: null });
  });

  it('numbers the visitors of the day in order of arrival and lists the done ones newest first', async () => {
    const t = await pairedTablet();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.tablet.checkIn('predikheren');
      if (r.ok) ids.push(r.visit.id);
      t.clock.advanceMinutes(1);
    }
    await t.tablet.leaveWithoutHelp(ids[0] ?? '');
    t.clock.advanceMinutes(1);
    await t.tablet.leaveWithoutHelp(ids[2] ?? '');
    const view = todayView(await today(t));
    expect(view.waiting.map((e) => e.number)).toEqual([2]);
    expect(view.done.map((e) => e.number)).toEqual([3, 1]);
  });
});
