/**
 * What one visit adds to the roll-ups (migration 002_rollups.sql), as pure
 * functions: a visit contributes amounts of metrics for its local day and
 * month, for its point and for all points, under its kind; a batch of writes
 * is summed up here (edits subtract the stored version and add the new one),
 * so the database receives one row per key that really changes.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import { brusselsTime, type LocalTime, monthOf } from './brusselsTime.ts';

/** Metric names stored in visit_rollups.metric; the statistics read the same names. */
export const METRIC = {
  /** code = kind; amount 1 per visit */
  visits: 'visits',
  /** code ''; amount = people helped */
  people: 'people',
  firstVisits: 'firstVisits',
  barriers: 'barriers',
  topic: 'topic',
  /** topics of visits with barrier: true */
  barrierTopic: 'barrierTopic',
  problem: 'problem',
  ageBand: 'ageBand',
  language: 'language',
  group: 'group',
  outcome: 'outcome',
  referral: 'referral',
  effort: 'effort',
  contact: 'contact',
  deviceType: 'deviceType',
  deviceOs: 'deviceOs',
  deviceOwnership: 'deviceOwnership',
  /** code `${isoWeekday}:${hh}` in Brussels time, e.g. '1:09' (sorts as text) */
  hour: 'hour',
  /** code = whole minutes from arrivedAt to startedAt (histogram) */
  wait: 'wait',
  /** code = whole minutes from startedAt to endedAt (histogram) */
  help: 'help',
  /** code = point id; only on the all-points level, for byPoint */
  point: 'point',
  /** code = point id of visits with barrier: true; only on the all-points level */
  barrierPoint: 'barrierPoint',
} as const;

/** point_id of the all-points level: '' is never a point id. */
export const ALL = '';

export interface RollupRow {
  grain: 'd' | 'm';
  pointId: string;
  kind: string;
  period: string;
  metric: string;
  code: string;
  amount: number;
}

const MINUTE_MS = 60_000;
const SEP = '\u0001';

/** Whole minutes between two RFC 3339 times, rounded to the nearest minute. */
export function minutesBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / MINUTE_MS);
}

/** The (metric, code, amount) entries of one visit, before levels and grains. */
function visitEntries(visit: VisitRecord, local: LocalTime, add: (metric: string, code: string, amount: number) => void): void {
  add(METRIC.visits, visit.kind, 1);
  add(METRIC.people, '', visit.people);
  if (visit.visitor?.firstVisit === true) add(METRIC.firstVisits, '', 1);
  if (visit.barrier) add(METRIC.barriers, '', 1);
  for (const topic of visit.topics) {
    add(METRIC.topic, topic, 1);
    if (visit.barrier) add(METRIC.barrierTopic, topic, 1);
  }
  if (visit.problem) add(METRIC.problem, visit.problem, 1);
  const visitor = visit.visitor;
  if (visitor?.ageBand) add(METRIC.ageBand, visitor.ageBand, 1);
  if (visitor?.language) add(METRIC.language, visitor.language, 1);
  for (const group of visitor?.groups ?? []) add(METRIC.group, group, 1);
  if (visit.outcome) add(METRIC.outcome, visit.outcome, 1);
  if (visit.referredTo) add(METRIC.referral, visit.referredTo, 1);
  if (visit.effort) add(METRIC.effort, visit.effort, 1);
  if (visit.contact) add(METRIC.contact, visit.contact, 1);
  if (visit.device?.type) add(METRIC.deviceType, visit.device.type, 1);
  if (visit.device?.os) add(METRIC.deviceOs, visit.device.os, 1);
  if (visit.device?.ownership) add(METRIC.deviceOwnership, visit.device.ownership, 1);
  add(METRIC.hour, `${local.weekday}:${String(local.hour).padStart(2, '0')}`, 1);
  if (visit.startedAt) {
    add(METRIC.wait, String(minutesBetween(visit.arrivedAt, visit.startedAt)), 1);
    if (visit.endedAt) add(METRIC.help, String(minutesBetween(visit.startedAt, visit.endedAt)), 1);
  }
}

/** The roll-up rows of one grain, point level, kind and period, keyed by metric and code. */
interface Target {
  grain: 'd' | 'm';
  pointId: string;
  kind: string;
  period: string;
  amounts: Map<string, number>;
}

/** [pointId, kind, day, [metric SEP code, amount][]][] */
type DaysJson = [string, string, string, [string, number][]][];

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sums signed visit contributions (+1 for a stored version, −1 for the one it
 * replaces) per grain, level, kind and period. Deleted versions contribute nothing.
 * A visit counts on its day and its month, each for its own point and for all
 * points ('' in point_id); a question about both kinds sums the two kinds.
 *
 * Each visit adds only to its own point's day; the month and all-points rows
 * are sums of those, made once per batch in `rows()`, so a large batch costs
 * one map update per visit entry, not four.
 */
export class RollupBatch {
  private readonly days = new Map<string, Target>();

  add(visit: VisitRecord, sign: 1 | -1): void {
    if (visit.deleted) return;
    const local = brusselsTime(Date.parse(visit.arrivedAt));
    const amounts = this.dayOf(visit.pointId, visit.kind, local.day);
    visitEntries(visit, local, (metric, code, amount) => {
      const entry = `${metric}${SEP}${code}`;
      amounts.set(entry, (amounts.get(entry) ?? 0) + sign * amount);
    });
  }

  /** The batch's per-day amounts as JSON (a row of rollup_deltas); `addDaysJson` adds them to another batch. */
  daysJson(): string {
    const days: DaysJson = [];
    for (const { pointId, kind, period, amounts } of this.days.values()) days.push([pointId, kind, period, [...amounts]]);
    return JSON.stringify(days);
  }

  addDaysJson(json: string): void {
    for (const [pointId, kind, day, entries] of JSON.parse(json) as DaysJson) {
      const amounts = this.dayOf(pointId, kind, day);
      for (const [entry, amount] of entries) amounts.set(entry, (amounts.get(entry) ?? 0) + amount);
    }
  }

  private dayOf(pointId: string, kind: string, day: string): Map<string, number> {
    const key = `${pointId}${SEP}${kind}${SEP}${day}`;
    let target = this.days.get(key);
    if (!target) {
      target = { grain: 'd', pointId, kind, period: day, amounts: new Map() };
      this.days.set(key, target);
    }
    return target.amounts;
  }

  /**
   * Every roll-up row this batch changes, with its amount change (never 0),
   * sorted by key so concurrent writers lock shared rows in the same order.
   */
  rows(): RollupRow[] {
    const targets = new Map<string, Target>();
    const addTo = (grain: 'd' | 'm', pointId: string, kind: string, period: string, entries: Map<string, number>) => {
      const key = `${grain}${SEP}${pointId}${SEP}${kind}${SEP}${period}`;
      let target = targets.get(key);
      if (!target) {
        target = { grain, pointId, kind, period, amounts: new Map() };
        targets.set(key, target);
      }
      for (const [entry, amount] of entries) target.amounts.set(entry, (target.amounts.get(entry) ?? 0) + amount);
    };
    for (const { pointId, kind, period: day, amounts } of this.days.values()) {
      const month = monthOf(day);
      // Points themselves are counted on the all-points level, for byPoint and barriersByPoint.
      const all = new Map(amounts);
      const visits = sumOf(amounts, METRIC.visits);
      const barriers = amounts.get(`${METRIC.barriers}${SEP}`) ?? 0;
      if (visits !== 0) all.set(`${METRIC.point}${SEP}${pointId}`, visits);
      if (barriers !== 0) all.set(`${METRIC.barrierPoint}${SEP}${pointId}`, barriers);
      addTo('d', pointId, kind, day, amounts);
      addTo('m', pointId, kind, month, amounts);
      addTo('d', ALL, kind, day, all);
      addTo('m', ALL, kind, month, all);
    }
    const rows: RollupRow[] = [];
    for (const key of [...targets.keys()].sort(byText)) {
      const { grain, pointId, kind, period, amounts } = targets.get(key) as Target;
      for (const entryKey of [...amounts.keys()].sort(byText)) {
        const amount = amounts.get(entryKey) ?? 0;
        if (amount === 0) continue;
        const split = entryKey.indexOf(SEP);
        rows.push({ grain, pointId, kind, period, metric: entryKey.slice(0, split), code: entryKey.slice(split + 1), amount });
      }
    }
    return rows;
  }
}

/** The sum of one metric's amounts over its codes. */
function sumOf(amounts: Map<string, number>, metric: string): number {
  const prefix = `${metric}${SEP}`;
  let sum = 0;
  for (const [entry, amount] of amounts) if (entry.startsWith(prefix)) sum += amount;
  return sum;
}
