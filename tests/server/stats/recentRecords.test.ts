import { describe, expect, it } from 'vitest';
import { RecentRecords } from '../../../src/server/store/recentRecords.ts';
import { edited, visit } from './visits.ts';

const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T10:00:00+02:00`;

describe('the records kept for the roll-up fold', () => {
  it('gives a kept record back once, and only for the row version it was kept with', () => {
    const recent = new RecentRecords(10);
    const first = visit({ pointId: 'marta', arrivedAt: at(1) });
    const second = visit({ pointId: 'marta', arrivedAt: at(2) });
    recent.remember(first.id, '801', JSON.stringify(first));
    recent.remember(second.id, '802', JSON.stringify(second));

    expect(recent.take(first.id, '801')).toEqual(first);
    expect(recent.take(first.id, '801')).toBeUndefined();
    // The stored row is another version (edited since): the kept record is not that row's, and is forgotten.
    expect(recent.take(second.id, '805')).toBeUndefined();
    expect(recent.size).toBe(0);
  });

  it('keeps the latest record stored under an id', () => {
    const recent = new RecentRecords(10);
    const first = visit({ pointId: 'marta', arrivedAt: at(1) });
    const newer = edited(first, { topics: ['eid'] });
    recent.remember(first.id, '801', JSON.stringify(first));
    recent.remember(first.id, '802', JSON.stringify(newer));
    expect(recent.size).toBe(1);
    expect(recent.take(first.id, '802')).toEqual(newer);
  });

  it('keeps nothing with a limit of 0', () => {
    const recent = new RecentRecords(0);
    const first = visit({ pointId: 'marta', arrivedAt: at(1) });
    recent.remember(first.id, '801', JSON.stringify(first));
    expect(recent.size).toBe(0);
    expect(recent.take(first.id, '801')).toBeUndefined();
  });

  it('forgets the oldest tenth at once when it passes its limit', () => {
    const recent = new RecentRecords(10);
    const records = Array.from({ length: 11 }, (_, i) => visit({ pointId: 'marta', arrivedAt: at(i + 1) }));
    const keep = (record: (typeof records)[number]) => recent.remember(record.id, '801', JSON.stringify(record));
    for (const record of records.slice(0, 10)) keep(record);
    keep(records[0] as (typeof records)[number]); // stored again: now the youngest
    expect(recent.size).toBe(10);

    keep(records[10] as (typeof records)[number]);
    expect(recent.size).toBe(9);
    // The two oldest went: records 1 and 2 (record 0 was stored again after them).
    expect(recent.take(records[1]?.id ?? '', '801')).toBeUndefined();
    expect(recent.take(records[2]?.id ?? '', '801')).toBeUndefined();
    expect(recent.take(records[0]?.id ?? '', '801')).toEqual(records[0]);
    expect(recent.take(records[10]?.id ?? '', '801')).toEqual(records[10]);
  });
});
