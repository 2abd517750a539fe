/**
 * A statistics answer turned into the rows and chart specs of the overview:
 * taxonomy codes become labels in the coordinator's language, point ids
 * become names, and the visits per day become buckets of the period.
 */
import {
  AGE_BANDS,
  DEVICE_TYPES,
  GROUPS,
  OUTCOMES,
  PROBLEMS,
  REFERRALS,
  type Term,
  TOPICS,
  VISITOR_LANGUAGES,
} from '../../../../shared/taxonomy.ts';
import type { CodeCount, PointCount, PointRecord, StatsAnswer } from '../../api/types.ts';
import type { ChartRow, ChartSpec } from '../../charts/drawer.ts';
import { pointName } from '../../context.ts';
import type { DashboardI18n } from '../../i18n/i18n.tsx';
import { type Period, visitSeries } from '../../period/period.ts';

export interface ChartData {
  rows: ChartRow[];
  spec: ChartSpec;
}

export function ranked(counts: readonly CodeCount[] | undefined, terms: readonly Term[], i18n: DashboardI18n): ChartData {
  const rows = (counts ?? []).map(({ code, count }) => ({ label: i18n.term(terms, code), value: count }));
  return { rows, spec: { type: 'bars', rows } };
}

/** Codes in the taxonomy's own order (age bands read young to old), not by count. */
export function ordered(counts: readonly CodeCount[] | undefined, terms: readonly Term[], i18n: DashboardI18n): ChartData {
  const byCode = new Map((counts ?? []).map(({ code, count }) => [code, count]));
  const rows = terms
    .filter((term) => byCode.has(term.code))
    .map((term) => ({ label: i18n.term(terms, term.code), value: byCode.get(term.code) ?? 0 }));
  return { rows, spec: { type: 'bars', rows } };
}

export function perPoint(counts: readonly PointCount[] | undefined, points: readonly PointRecord[]): ChartData {
  const rows = (counts ?? []).map(({ pointId, count }) => ({ label: pointName(points, pointId), value: count }));
  return { rows, spec: { type: 'bars', rows } };
}

export function visitsOverTime(answer: StatsAnswer, period: Period, i18n: DashboardI18n): ChartData & { bucket: 'day' | 'week' } {
  const series = visitSeries(answer.byDay, period);
  const rows = series.points.map((point) => ({ label: i18n.date(point.date), value: point.count }));
  return {
    bucket: series.bucket,
    rows,
    spec: {
      type: 'time',
      bucket: series.bucket,
      dates: series.points.map((p) => p.date),
      values: series.points.map((p) => p.count),
    },
  };
}

export function waitAndHelp(answer: StatsAnswer, i18n: DashboardI18n): ChartData {
  const rows: ChartRow[] = [];
  if (answer.waitMinutes) {
    rows.push({ label: i18n.t('chart.waitMedian'), value: answer.waitMinutes.median });
    rows.push({ label: i18n.t('chart.waitP90'), value: answer.waitMinutes.p90 });
  }
  if (answer.helpMinutes) {
    rows.push({ label: i18n.t('chart.helpMedian'), value: answer.helpMinutes.median });
    rows.push({ label: i18n.t('chart.helpP90'), value: answer.helpMinutes.p90 });
  }
  return { rows, spec: { type: 'bars', rows } };
}

export function overviewCharts(answer: StatsAnswer, period: Period, points: readonly PointRecord[], i18n: DashboardI18n) {
  return {
    visits: visitsOverTime(answer, period, i18n),
    topics: ranked(answer.byTopic, TOPICS, i18n),
    groups: ranked(answer.byGroup, GROUPS, i18n),
    ageBands: ordered(answer.byAgeBand, AGE_BANDS, i18n),
    languages: ranked(answer.byLanguage, VISITOR_LANGUAGES, i18n),
    outcomes: ranked(answer.byOutcome, OUTCOMES, i18n),
    referrals: ranked(answer.byReferral, REFERRALS, i18n),
    deviceTypes: ranked(answer.byDeviceType, DEVICE_TYPES, i18n),
    problems: ranked(answer.byProblem, PROBLEMS, i18n),
    times: waitAndHelp(answer, i18n),
    points: perPoint(answer.byPoint, points),
  };
}
