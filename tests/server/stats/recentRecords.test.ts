import { describe, expect, it } from 'vitest';
import { RecentRecords } from '../../../src/server/store/recentRecords.ts';
import { edited, visit } from './visits.ts';

const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T10:00:00+02:00`;

describe('the records kept for the roll-up fold', () => {
  it('gives a kept record back once, and only for the rev it was kept at', () => {
    const recent = new RecentRecords(10);
    const first = visit({ pointId: 'marta', arrivedAt: at(1) });
    const second = visit({ pointId: 'marta', arrivedAt: at(2) });
    recent.remember(first.id, first);
    recent.remember(second.id, second);

    expect(recent.take(first.id, 1)).toBe(first);
    expect(recent.take(first.id, 1)).toBeUndefined();
    // The stored row is at rev 2 (edited since): the kept rev 1 is not that row's record, and is forgotten.
    expect(recent.take(second.id, 2)).toBeUndefined();
    expect(recent.size).toBe(0);
  });

  it('keeps the latest record stored under an id', () => {
    const recent = new RecentRecords(10);
    const first = visit({ pointId: 'marta', arrivedAt: at(1) });
    const newer = edited(first, { topics: ['eid'] });
    recent.remember(first.id, first);
    recent.remember(first.id, newer);
    expect(recent.size).toBe(1);
    expect(recent.take(first.id, 2)).toBe(newer);
  });

  it('forgets the oldest records past its limit', () => {
    const recent = new RecentRecords(2);
    const [a, b, c] = [1, 2, 3].map((day) => visit({ pointId: 'marta', arrivedAt: at(day) })) as [
      ReturnType<typeof visit>,
      ReturnType<typeof visit>,
      ReturnType<typeof visit>,
    ];
    recent.remember(a.id, a);
    recent.remember(b.id, b);
    recent.remember(a.id, a); // stored again: now the youngest
    recent.remember(c.id, c);
    expect(recent.size).toBe(2);
    expect(recent.take(b.id, 1)).toBeUndefined();
    expect(recent.take(a.id, 1)).toBe(a);
    expect(recent.take(c.id, 1)).toBe(c);
  });
});
