/**
 * Where the digital service itself was the obstacle: barriers by topic and
 * by point for the period, and per month (or week) over the period, with the
 * topics they were mostly about.
 */
import { useMemo } from 'preact/hooks';
import { TOPICS } from '../../../../shared/taxonomy.ts';
import { inBatches } from '../../api/inBatches.ts';
import type { StatsAnswer } from '../../api/types.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { useDashboard } from '../../context.ts';
import { type Filters, statsQuery } from '../../filters.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { perPoint, ranked } from '../overview/overviewCharts.ts';
import { FilterBar } from '../shell/FilterBar.tsx';
import { LoadFailed, Loading } from '../shell/LoadState.tsx';
import { type TrendPoint, trendBuckets, trendPoint } from './barrierTrend.ts';

const PARALLEL_CALLS = 4;

export function Barriers({ filters, onFilters }: { filters: Filters; onFilters: (filters: Filters) => void }) {
  const { t, date } = useDashboardI18n();
  const { api } = useDashboard();
  const data = useAsync(async () => {
    const { unit, buckets } = trendBuckets(filters.period);
    const [period, ...parts] = await inBatches([filters.period, ...buckets], PARALLEL_CALLS, (p) =>
      api.stats(statsQuery(filters, p)),
    );
    const trend = buckets.map((bucket, i) => trendPoint(bucket, parts[i] as StatsAnswer));
    return { period: period as StatsAnswer, unit, trend };
  }, JSON.stringify(filters));

  return (
    <>
      <h1>{t('barriers.title')}</h1>
      <p>{t('barriers.intro')}</p>
      <FilterBar filters={filters} onChange={onFilters} />
      <p class="period-line">
        <strong>{t('period.range', { from: date(filters.period.from), to: date(filters.period.to) })}</strong>
      </p>
      {data.state === 'failed' && <LoadFailed error={data.error} onRetry={data.reload} />}
      {data.value === null ? (
        data.state === 'loading' && <Loading />
      ) : (
        <div aria-busy={data.state === 'loading'}>
          <BarrierCharts {...data.value} />
        </div>
      )}
    </>
  );
}

function BarrierCharts({ period, unit, trend }: { period: StatsAnswer; unit: 'month' | 'week'; trend: TrendPoint[] }) {
  const i18n = useDashboardI18n();
  const { t, number, percent, term } = i18n;
  const { points } = useDashboard();
  const byTopic = useMemo(() => ranked(period.barriersByTopic, TOPICS, i18n), [period, i18n]);
  const byPoint = useMemo(() => perPoint(period.barriersByPoint, points), [period, points]);
  const overTime = useMemo(() => {
    const rows = trend.map((p) => ({
      label: unit === 'month' ? i18n.formatDate(p.start, 'LLLL yyyy') : i18n.date(p.start),
      value: p.barriers,
    }));
    return {
      rows,
      spec: { type: 'time' as const, bucket: unit, dates: trend.map((p) => p.start), values: trend.map((p) => p.barriers) },
      extra: [
        { header: t('barriers.share'), cells: trend.map((p) => (p.visits > 0 ? percent(p.barriers / p.visits) : '–')) },
        { header: t('barriers.topTopics'), cells: trend.map((p) => p.topTopics.map((code) => term(TOPICS, code)).join(', ')) },
      ],
    };
  }, [trend, unit, i18n, t, percent, term]);

  const { barriers, visits } = period.totals;
  if (barriers === 0) return <p class="message empty-state">{t('empty.barriers')}</p>;
  return (
    <>
      <ul class="figures" aria-label={t('figures.label')}>
        <li class="figure">
          <span class="figure-label">{t('figure.barriers')}</span>
          <span class="figure-value">{number(barriers)}</span>
          <span class="figure-change">
            {t('barriers.share')}: {visits > 0 ? percent(barriers / visits) : '–'}
          </span>
        </li>
      </ul>
      <div class="charts">
        <ChartCard
          title={t('barriers.overTime')}
          labelHeader={t(unit === 'month' ? 'barriers.month' : 'chart.week')}
          {...overTime}
        />
        <ChartCard title={t('barriers.byTopic')} labelHeader={t('chart.topic')} note={t('chart.topicsNote')} {...byTopic} />
        <ChartCard title={t('barriers.byPoint')} labelHeader={t('chart.point')} total={barriers} {...byPoint} />
      </div>
    </>
  );
}
