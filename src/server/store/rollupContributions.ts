/**
 * What one visit adds to the roll-ups (migration 002_rollups.sql), as pure
 * functions: a visit contributes amounts of metrics for its local day, point
 * and kind; a batch of writes is summed up here (edits subtract the stored
 * version and add the new one), then expanded to the monthly grain and the
 * "all points" / "both kinds" levels, so the database receives one row per
 * key that really changes.
 */
import type { VisitRecord } from '../../shared/visit.ts';
import { brusselsTime, monthOf } from './brusselsTime.ts';

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

/** Both ends of the protocol's "all" filters: '' is never a point id or a kind. */
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
function visitEntries(visit: VisitRecord, add: (metric: string, code: string, amount: number) => void): void {
  const local = brusselsTime(Date.parse(visit.arrivedAt));
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

/**
 * Sums signed visit contributions (+1 for a stored version, −1 for the one
 * it replaces) per local day, point and kind. Deleted versions contribute nothing.
 */
export class RollupBatch {
  private readonly groups = new Map<string, Map<string, number>>();

  add(visit: VisitRecord, sign: 1 | -1): void {
    if (visit.deleted) return;
    const day = brusselsTime(Date.parse(visit.arrivedAt)).day;
    const groupKey = `${day}${SEP}${visit.pointId}${SEP}${visit.kind}`;
    let entries = this.groups.get(groupKey);
    if (!entries) {
      entries = new Map();
      this.groups.set(groupKey, entries);
    }
    const target = entries;
    visitEntries(visit, (metric, code, amount) => {
      const key = `${metric}${SEP}${code}`;
      target.set(key, (target.get(key) ?? 0) + sign * amount);
    });
  }

  /**
   * Every roll-up row this batch changes, with its amount change (never 0),
   * sorted by key so concurrent writers lock shared rows in the same order.
   */
  rows(): RollupRow[] {
    const sums = new Map<string, number>();
    const bump = (grain: string, pointId: string, kind: string, period: string, metricCode: string, amount: number) => {
      const key = `${grain}${SEP}${pointId}${SEP}${kind}${SEP}${period}${SEP}${metricCode}`;
      sums.set(key, (sums.get(key) ?? 0) + amount);
    };
    for (const [groupKey, entries] of this.groups) {
      const [day = '', pointId = '', kind = ''] = groupKey.split(SEP);
      const periods = [
        ['d', day],
        ['m', monthOf(day)],
      ] as const;
      for (const [entryKey, amount] of entries) {
        if (amount === 0) continue;
        for (const [grain, period] of periods) {
          bump(grain, pointId, kind, period, entryKey, amount);
          bump(grain, pointId, ALL, period, entryKey, amount);
          bump(grain, ALL, kind, period, entryKey, amount);
          bump(grain, ALL, ALL, period, entryKey, amount);
          // Points themselves are counted on the all-points levels, for byPoint and barriersByPoint.
          const byPoint = entryKey.startsWith(`${METRIC.visits}${SEP}`)
            ? METRIC.point
            : entryKey === `${METRIC.barriers}${SEP}`
              ? METRIC.barrierPoint
              : null;
          if (byPoint) {
            bump(grain, ALL, kind, period, `${byPoint}${SEP}${pointId}`, amount);
            bump(grain, ALL, ALL, period, `${byPoint}${SEP}${pointId}`, amount);
          }
        }
      }
    }
    return [...sums.entries()]
      .filter(([, amount]) => amount !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, amount]) => {
        const [grain, pointId = '', kind = '', period = '', metric = '', code = ''] = key.split(SEP);
        return { grain: grain === 'm' ? 'm' : 'd', pointId, kind, period, metric, code, amount };
      });
  }
}
