/**
 * The figures of the monthly report for the Digibank programme, from
 * statistics answers of one month: people reached, device-related help and
 * questions on essential services, in all and by point and target group.
 */
import type { Group } from '../../../../shared/taxonomy.ts';
import type { StatsAnswer } from '../../api/types.ts';

/** The essential services the programme reports on, in its order. */
export const ESSENTIAL_TOPICS = ['government', 'health', 'banking', 'itsme'] as const;
export type EssentialTopic = (typeof ESSENTIAL_TOPICS)[number];

export interface ReportFigures {
  people: number;
  visits: number;
  deviceSessions: number;
  essential: Record<EssentialTopic, number>;
}

export interface MonthReport extends ReportFigures {
  month: string;
  firstVisits: number;
  byPoint: ({ pointId: string } & ReportFigures)[];
  byGroup: { group: Group; visits: number; deviceSessions: number }[];
}

const topicCount = (answer: StatsAnswer, code: string): number => answer.byTopic.find((t) => t.code === code)?.count ?? 0;

export function reportFigures(answer: StatsAnswer): ReportFigures {
  const essential = Object.fromEntries(ESSENTIAL_TOPICS.map((code) => [code, topicCount(answer, code)])) as Record<
    EssentialTopic,
    number
  >;
  return {
    people: answer.totals.people,
    visits: answer.totals.visits,
    deviceSessions: answer.totals.deviceSessions,
    essential,
  };
}

/**
 * `all`: the month over every point (or the chosen one); `devices`: the same
 * with kind=device (device help per target group); `points`: one answer per
 * point that had visits that month.
 */
export function monthReport(month: string, all: StatsAnswer, devices: StatsAnswer, points: readonly StatsAnswer[]): MonthReport {
  const deviceByGroup = new Map(devices.byGroup.map((g) => [g.code, g.count]));
  return {
    month,
    ...reportFigures(all),
    firstVisits: all.totals.firstVisits,
    byPoint: points
      .filter((answer) => answer.point !== null && answer.totals.visits > 0)
      .map((answer) => ({ pointId: answer.point as string, ...reportFigures(answer) }))
      .sort((a, b) => b.visits - a.visits || a.pointId.localeCompare(b.pointId)),
    byGroup: all.byGroup.map((g) => ({
      group: g.code as Group,
      visits: g.count,
      deviceSessions: deviceByGroup.get(g.code) ?? 0,
    })),
  };
}
