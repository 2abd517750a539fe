/**
 * Barriers over time: the period cut into months (or weeks, for a period of
 * two months or less), each asked of the statistics on its own.
 */
import type { StatsAnswer } from '../../api/types.ts';
import {
  addDays,
  earlierOf,
  laterOf,
  lengthInDays,
  monthPeriod,
  monthsOf,
  type Period,
  WEEKLY_AFTER_DAYS,
  weekStart,
} from '../../period/period.ts';

export interface Bucket extends Period {
  /** the bucket's first day inside the period, for the axis */
  start: string;
}

/** The period's months (or weeks), each cut to the period. */
export function trendBuckets(period: Period): { unit: 'month' | 'week'; buckets: Bucket[] } {
  const cut = (p: Period): Bucket => {
    const from = laterOf(p.from, period.from);
    return { start: from, from, to: earlierOf(p.to, period.to) };
  };
  if (lengthInDays(period) > WEEKLY_AFTER_DAYS) {
    return { unit: 'month', buckets: monthsOf(period).map((month) => cut(monthPeriod(month))) };
  }
  const buckets: Bucket[] = [];
  for (let start = weekStart(period.from); start <= period.to; start = addDays(start, 7)) {
    buckets.push(cut({ from: start, to: addDays(start, 6) }));
  }
  return { unit: 'week', buckets };
}

export interface TrendPoint {
  start: string;
  barriers: number;
  visits: number;
  /** the most frequent topics of that bucket's barriers, most first */
  topTopics: string[];
}

export const trendPoint = (bucket: Bucket, answer: StatsAnswer, topics = 3): TrendPoint => ({
  start: bucket.start,
  barriers: answer.totals.barriers,
  visits: answer.totals.visits,
  topTopics: (answer.barriersByTopic ?? []).slice(0, topics).map((entry) => entry.code),
});
