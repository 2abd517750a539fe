/**
 * A coordinator's statistics over a small, hand-made set of visits. Every
 * expected number below was worked out by hand from the visits listed here.
 */
import { describe, expect, it } from 'vitest';
import { getStats } from '../../../src/server/stats/getStats.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { addPoints, edited, visit, writeVisits } from './visits.ts';

/**
 * Spring 2026 at three points. Brussels moves to summer time on Sunday 29 March.
 * Weekdays: 1 Mar Sun, 2 Mar Mon, 29 Mar Sun, 1 Apr Wed, 14 Apr Tue, 30 Apr Thu.
 */
function spring(): Record<string, VisitRecord> {
  return {
    // Monday 2 March, 09:10, waited 6 min, helped 18 min.
    v1: visit({
      pointId: 'predikheren',
      arrivedAt: '2026-03-02T09:10:00+01:00',
      startedAt: '2026-03-02T09:16:00+01:00',
      endedAt: '2026-03-02T09:34:00+01:00',
      topics: ['itsme', 'health'],
      visitor: { ageBand: '65-79', language: 'nl', firstVisit: true, groups: ['senior'] },
      outcome: 'resolved',
      effort: 'guided',
    }),
    // Monday 2 March, 09:40, a couple, waited 10, helped 45, itsme itself was the barrier.
    v2: visit({
      pointId: 'predikheren',
      arrivedAt: '2026-03-02T09:40:00+01:00',
      startedAt: '2026-03-02T09:50:00+01:00',
      endedAt: '2026-03-02T10:35:00+01:00',
      topics: ['itsme'],
      visitor: { ageBand: '80+', language: 'nl', groups: ['senior', 'low-income'] },
      outcome: 'referred',
      referredTo: 'one-to-one',
      effort: 'in-depth',
      people: 2,
      barrier: true,
    }),
    // Written in UTC on Saturday 28 March, but 00:30 on Sunday 29 March in Brussels; waited 1.5 min (→ 2).
    v3: visit({
      pointId: 'marta',
      kind: 'device',
      arrivedAt: '2026-03-28T23:30:00Z',
      startedAt: '2026-03-28T23:31:30Z',
      device: { type: 'smartphone', os: 'android', ownership: 'own' },
      problem: 'slow',
      topics: ['smartphone-basics'],
      visitor: { language: 'ar', firstVisit: true, groups: ['newcomer'] },
      contact: 'appointment',
    }),
    // 23:15 UTC on 31 March is 01:15 on Wednesday 1 April in Brussels (summer time).
    v4: visit({
      pointId: 'den-abeel',
      arrivedAt: '2026-03-31T23:15:00Z',
      topics: ['government'],
      outcome: 'left',
      effort: 'quick',
    }),
    // Tuesday 14 April, 14:05, no wait, helped 7 min, on the phone.
    v5: visit({
      pointId: 'predikheren',
      arrivedAt: '2026-04-14T14:05:00+02:00',
      startedAt: '2026-04-14T14:05:00+02:00',
      endedAt: '2026-04-14T14:12:00+02:00',
      topics: ['eid', 'government'],
      visitor: { ageBand: '45-64', language: 'fr', firstVisit: false, groups: [] },
      outcome: 'partly',
      contact: 'phone',
    }),
    // Thursday 30 April, 16:59, three people, waited 21, helped 90, a barrier in a health service.
    v6: visit({
      pointId: 'marta',
      arrivedAt: '2026-04-30T16:59:00+02:00',
      startedAt: '2026-04-30T17:20:00+02:00',
      endedAt: '2026-04-30T18:50:00+02:00',
      topics: ['health'],
      visitor: { ageBand: '65-79', language: 'nl', groups: ['senior', 'disability'] },
      outcome: 'follow-up',
      effort: 'guided',
      people: 3,
      barrier: true,
    }),
    // Deleted on the tablet: counts nowhere.
    v7: visit({ pointId: 'predikheren', arrivedAt: '2026-03-05T10:00:00+01:00', topics: ['banking'], deleted: true }),
    // 30 April in UTC, but 01:10 on Friday 1 May in Brussels: after the range.
    v8: visit({ pointId: 'marta', arrivedAt: '2026-04-30T23:10:00Z', topics: ['email'] }),
    // 28 February in UTC, but 00:30 on Sunday 1 March in Brussels: inside the range. A home visit.
    v9: visit({ pointId: 'den-abeel', arrivedAt: '2026-02-28T23:30:00Z', contact: 'home-visit' }),
  };
}

async function springStore(kind: (typeof STORE_KINDS)[number]): Promise<{ store: Store; visits: Record<string, VisitRecord> }> {
  const store = await freshStore(kind);
  await addPoints(store, { predikheren: 'Bibliotheek Het Predikheren', marta: 'mARTa', 'den-abeel': 'Den Abeel' });
  const visits = spring();
  await writeVisits(store, Object.values(visits));
  return { store, visits };
}

describe.each(STORE_KINDS)('statistics on the %s store', (kind) => {
  it('answers every member for all points over March and April', async () => {
    const { store } = await springStore(kind);
    expect(await getStats(store, { from: '2026-03-01', to: '2026-04-30' })).toEqual({
      from: '2026-03-01',
      to: '2026-04-30',
      point: null,
      kind: null,
      totals: { visits: 7, questions: 6, deviceSessions: 1, firstVisits: 2, people: 10, barriers: 2 },
      byDay: [
        { date: '2026-03-01', count: 1 },
        { date: '2026-03-02', count: 2 },
        { date: '2026-03-29', count: 1 },
        { date: '2026-04-01', count: 1 },
        { date: '2026-04-14', count: 1 },
        { date: '2026-04-30', count: 1 },
      ],
      byPoint: [
        { pointId: 'predikheren', count: 3 },
        { pointId: 'den-abeel', count: 2 },
        { pointId: 'marta', count: 2 },
      ],
      byTopic: [
        { code: 'government', count: 2 },
        { code: 'health', count: 2 },
        { code: 'itsme', count: 2 },
        { code: 'eid', count: 1 },
        { code: 'smartphone-basics', count: 1 },
      ],
      byProblem: [{ code: 'slow', count: 1 }],
      byAgeBand: [
        { code: '65-79', count: 2 },
        { code: '45-64', count: 1 },
        { code: '80+', count: 1 },
      ],
      byLanguage: [
        { code: 'nl', count: 3 },
        { code: 'ar', count: 1 },
        { code: 'fr', count: 1 },
      ],
      byGroup: [
        { code: 'senior', count: 3 },
        { code: 'disability', count: 1 },
        { code: 'low-income', count: 1 },
        { code: 'newcomer', count: 1 },
      ],
      byOutcome: [
        { code: 'follow-up', count: 1 },
        { code: 'left', count: 1 },
        { code: 'partly', count: 1 },
        { code: 'referred', count: 1 },
        { code: 'resolved', count: 1 },
      ],
      byReferral: [{ code: 'one-to-one', count: 1 }],
      byEffort: [
        { code: 'guided', count: 2 },
        { code: 'in-depth', count: 1 },
        { code: 'quick', count: 1 },
      ],
      byContact: [
        { code: 'walk-in', count: 4 },
        { code: 'appointment', count: 1 },
        { code: 'home-visit', count: 1 },
        { code: 'phone', count: 1 },
      ],
      heatmap: [
        { weekday: 1, hour: 9, count: 2 },
        { weekday: 7, hour: 0, count: 2 },
        { weekday: 2, hour: 14, count: 1 },
        { weekday: 3, hour: 1, count: 1 },
        { weekday: 4, hour: 16, count: 1 },
      ],
      // Waits 0, 2, 6, 10, 21: rank ⌈0.5·5⌉ = 3 → 6, rank ⌈0.9·5⌉ = 5 → 21.
      waitMinutes: { median: 6, p90: 21 },
      // Help 7, 18, 45, 90: rank ⌈0.5·4⌉ = 2 → 18, rank ⌈0.9·4⌉ = 4 → 90.
      helpMinutes: { median: 18, p90: 90 },
      byDeviceType: [{ code: 'smartphone', count: 1 }],
      byDeviceOs: [{ code: 'android', count: 1 }],
      byDeviceOwnership: [{ code: 'own', count: 1 }],
      barriersByTopic: [
        { code: 'health', count: 1 },
        { code: 'itsme', count: 1 },
      ],
      barriersByPoint: [
        { pointId: 'marta', count: 1 },
        { pointId: 'predikheren', count: 1 },
      ],
    });
  });

  it('narrows to one point and one kind', async () => {
    const { store } = await springStore(kind);
    const stats = await getStats(store, { from: '2026-03-01', to: '2026-04-30', point: 'predikheren', kind: 'question' });
    expect(stats.point).toBe('predikheren');
    expect(stats.kind).toBe('question');
    expect(stats.totals).toEqual({ visits: 3, questions: 3, deviceSessions: 0, firstVisits: 1, people: 4, barriers: 1 });
    expect(stats.byPoint).toEqual([{ pointId: 'predikheren', count: 3 }]);
    expect(stats.barriersByPoint).toEqual([{ pointId: 'predikheren', count: 1 }]);
    expect(stats.byTopic).toEqual([
      { code: 'itsme', count: 2 },
      { code: 'eid', count: 1 },
      { code: 'government', count: 1 },
      { code: 'health', count: 1 },
    ]);
    // Waits 0, 6, 10 and help 7, 18, 45.
    expect(stats.waitMinutes).toEqual({ median: 6, p90: 10 });
    expect(stats.helpMinutes).toEqual({ median: 18, p90: 45 });

    const devices = await getStats(store, { from: '2026-03-01', to: '2026-04-30', kind: 'device' });
    expect(devices.totals).toEqual({ visits: 1, questions: 0, deviceSessions: 1, firstVisits: 1, people: 1, barriers: 0 });
    expect(devices.byPoint).toEqual([{ pointId: 'marta', count: 1 }]);
    expect(devices.byDay).toEqual([{ date: '2026-03-29', count: 1 }]);
    expect(devices.waitMinutes).toEqual({ median: 2, p90: 2 });
    expect(devices.helpMinutes).toBeNull();

    const martaDevices = await getStats(store, { from: '2026-03-01', to: '2026-04-30', point: 'marta', kind: 'device' });
    expect(martaDevices.totals.visits).toBe(1);
    expect(martaDevices.byProblem).toEqual([{ code: 'slow', count: 1 }]);
  });

  it('counts by the Brussels date, also for ranges that cut months in the middle', async () => {
    const { store } = await springStore(kind);
    // All of March plus loose days on both sides: v9, v1, v2, v3, v4 (1 April), not v5 (14 April).
    const middle = await getStats(store, { from: '2026-02-15', to: '2026-04-13' });
    expect(middle.totals.visits).toBe(5);
    expect(middle.byDay.map((day) => day.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-29', '2026-04-01']);
    // The DST Sunday alone: only the device visit written as Saturday in UTC.
    const sunday = await getStats(store, { from: '2026-03-29', to: '2026-03-29' });
    expect(sunday.totals).toEqual({ visits: 1, questions: 0, deviceSessions: 1, firstVisits: 1, people: 1, barriers: 0 });
    expect(sunday.heatmap).toEqual([{ weekday: 7, hour: 0, count: 1 }]);
    // 1 May in Brussels holds v8 only, although its own text says 30 April.
    const may = await getStats(store, { from: '2026-05-01', to: '2026-05-31' });
    expect(may.byTopic).toEqual([{ code: 'email', count: 1 }]);
    expect(may.heatmap).toEqual([{ weekday: 5, hour: 1, count: 1 }]);
  });

  it('answers zeros, empty lists and no minutes for a period without visits', async () => {
    const { store } = await springStore(kind);
    const empty = await getStats(store, { from: '2025-01-01', to: '2025-12-31' });
    expect(empty.totals).toEqual({ visits: 0, questions: 0, deviceSessions: 0, firstVisits: 0, people: 0, barriers: 0 });
    expect([empty.byDay, empty.byPoint, empty.byTopic, empty.heatmap, empty.byContact]).toEqual([[], [], [], [], []]);
    expect(empty.waitMinutes).toBeNull();
    expect(empty.helpMinutes).toBeNull();
  });

  it('follows an edit that moves a visit to another point, day and topic', async () => {
    const { store, visits } = await springStore(kind);
    const v1 = visits.v1 as VisitRecord;
    // The host corrects v1: it happened at mARTa on Tuesday 3 March at 15:20, about e-mail, with a shorter wait.
    await writeVisits(store, [
      edited(v1, {
        pointId: 'marta',
        arrivedAt: '2026-03-03T15:20:00+01:00',
        startedAt: '2026-03-03T15:21:00+01:00',
        endedAt: '2026-03-03T15:39:00+01:00',
        topics: ['email'],
      }),
    ]);
    const stats = await getStats(store, { from: '2026-03-01', to: '2026-04-30' });
    expect(stats.totals.visits).toBe(7);
    expect(stats.byPoint).toEqual([
      { pointId: 'marta', count: 3 },
      { pointId: 'den-abeel', count: 2 },
      { pointId: 'predikheren', count: 2 },
    ]);
    expect(stats.byDay.slice(0, 3)).toEqual([
      { date: '2026-03-01', count: 1 },
      { date: '2026-03-02', count: 1 },
      { date: '2026-03-03', count: 1 },
    ]);
    expect(stats.byTopic).toEqual([
      { code: 'government', count: 2 },
      { code: 'eid', count: 1 },
      { code: 'email', count: 1 },
      { code: 'health', count: 1 },
      { code: 'itsme', count: 1 },
      { code: 'smartphone-basics', count: 1 },
    ]);
    expect(stats.heatmap).toContainEqual({ weekday: 2, hour: 15, count: 1 });
    expect(stats.heatmap).toContainEqual({ weekday: 1, hour: 9, count: 1 });
    // Waits now 0, 1, 2, 10, 21.
    expect(stats.waitMinutes).toEqual({ median: 2, p90: 21 });
  });

  it('drops a deleted visit from every statistic, and counts it again when restored', async () => {
    const { store, visits } = await springStore(kind);
    const v6 = visits.v6 as VisitRecord;
    const deleted = edited(v6, { deleted: true });
    await writeVisits(store, [deleted]);
    const without = await getStats(store, { from: '2026-03-01', to: '2026-04-30' });
    expect(without.totals).toEqual({ visits: 6, questions: 5, deviceSessions: 1, firstVisits: 2, people: 7, barriers: 1 });
    expect(without.byDay.map((day) => day.date)).not.toContain('2026-04-30');
    expect(without.barriersByTopic).toEqual([{ code: 'itsme', count: 1 }]);
    expect(without.byOutcome.map((o) => o.code)).not.toContain('follow-up');
    expect(without.helpMinutes).toEqual({ median: 18, p90: 45 });

    await writeVisits(store, [edited(deleted, { deleted: false })]);
    expect((await getStats(store, { from: '2026-03-01', to: '2026-04-30' })).totals.visits).toBe(7);
  });
});
