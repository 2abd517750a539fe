/**
 * The overview of a period: the big numbers against the previous period,
 * then the charts — visits over time, topics, visitors, outcomes, devices,
 * arrivals by weekday and hour, waiting and help time, and the points.
 */
import { useMemo } from 'preact/hooks';
import type { StatsAnswer } from '../../api/types.ts';
import { ChartCard } from '../../charts/ChartCard.tsx';
import { Heatmap } from '../../charts/Heatmap.tsx';
import { useDashboard } from '../../context.ts';
import { type Filters, statsQuery } from '../../filters.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { comparisonPeriod } from '../../period/period.ts';
import { ExportLinks } from '../shell/ExportLinks.tsx';
import { FilterBar } from '../shell/FilterBar.tsx';
import { LoadFailed, Loading } from '../shell/LoadState.tsx';
import { hrefOf } from '../shell/routes.ts';
import { Figures } from './Figures.tsx';
import { overviewCharts } from './overviewCharts.ts';

interface Props {
  filters: Filters;
  onFilters: (filters: Filters) => void;
}

export function Overview({ filters, onFilters }: Props) {
  const { t, date } = useDashboardI18n();
  const { api } = useDashboard();
  const previous = comparisonPeriod(filters.preset, filters.period);
  const stats = useAsync(
    () => Promise.all([api.stats(statsQuery(filters)), api.stats(statsQuery(filters, previous))]),
    JSON.stringify(filters),
  );

  return (
    <>
      <h1>{t('nav.overview')}</h1>
      <FilterBar filters={filters} onChange={onFilters} />
      <p class="period-line">
        <strong>{t('period.range', { from: date(filters.period.from), to: date(filters.period.to) })}</strong>
        {' · '}
        <span>{t('period.comparedWith', { from: date(previous.from), to: date(previous.to) })}</span>
      </p>
      <ExportLinks filters={filters} />
      {stats.state === 'failed' && <LoadFailed error={stats.error} onRetry={stats.reload} />}
      {stats.value === null ? (
        stats.state === 'loading' && <Loading />
      ) : (
        <div aria-busy={stats.state === 'loading'}>
          <OverviewBody current={stats.value[0]} previous={stats.value[1]} filters={filters} />
        </div>
      )}
    </>
  );
}

function OverviewBody({ current, previous, filters }: { current: StatsAnswer; previous: StatsAnswer; filters: Filters }) {
  const i18n = useDashboardI18n();
  const { t } = i18n;
  const { points } = useDashboard();
  const charts = useMemo(() => overviewCharts(current, filters.period, points, i18n), [current, filters.period, points, i18n]);

  return (
    <>
      <Figures current={current.totals} previous={previous.totals} />
      {current.totals.visits === 0 ? (
        <p class="message empty-state">
          {t('empty.visits')} <a href={hrefOf({ name: 'tablets' })}>{t('empty.visitsAction')}</a> {t('empty.visitsOther')}
        </p>
      ) : (
        <div class="charts">
          <ChartCard
            title={t(charts.visits.bucket === 'week' ? 'chart.visitsPerWeek' : 'chart.visitsPerDay')}
            labelHeader={t(charts.visits.bucket === 'week' ? 'chart.week' : 'chart.day')}
            {...charts.visits}
          />
          <ChartCard title={t('chart.topics')} labelHeader={t('chart.topic')} note={t('chart.topicsNote')} {...charts.topics} />
          <ChartCard title={t('chart.groups')} labelHeader={t('chart.group')} {...charts.groups} />
          <ChartCard title={t('chart.ageBands')} labelHeader={t('chart.ageBand')} {...charts.ageBands} />
          <ChartCard title={t('chart.languages')} labelHeader={t('chart.language')} {...charts.languages} />
          <ChartCard title={t('chart.outcomes')} labelHeader={t('chart.outcome')} {...charts.outcomes} />
          <ChartCard title={t('chart.referrals')} labelHeader={t('chart.referral')} {...charts.referrals} />
          <ChartCard title={t('chart.deviceTypes')} labelHeader={t('chart.deviceType')} {...charts.deviceTypes} />
          <ChartCard title={t('chart.problems')} labelHeader={t('chart.problem')} {...charts.problems} />
          <Heatmap cells={current.heatmap} />
          <ChartCard
            title={t('chart.times')}
            labelHeader={t('chart.measure')}
            valueHeader={t('chart.minutes')}
            note={t('chart.timesNote')}
            {...charts.times}
          />
          <ChartCard title={t('chart.points')} labelHeader={t('chart.point')} total={current.totals.visits} {...charts.points} />
        </div>
      )}
    </>
  );
}
