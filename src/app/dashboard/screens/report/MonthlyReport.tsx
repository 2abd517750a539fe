/**
 * The monthly report for the Flemish Digibank programme: one printable page
 * per month of the chosen period (at most twelve), each with people reached,
 * device-related help and questions on essential services, by point and by
 * target group.
 */
import { inBatches } from '../../api/inBatches.ts';
import type { StatsAnswer } from '../../api/types.ts';
import { useDashboard } from '../../context.ts';
import type { Filters } from '../../filters.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { monthPeriod, monthsOf } from '../../period/period.ts';
import { FilterBar } from '../shell/FilterBar.tsx';
import { LoadFailed, Loading } from '../shell/LoadState.tsx';
import { type MonthReport, monthReport } from './monthlyReport.ts';
import { ReportPage } from './ReportPage.tsx';

export const MAX_REPORT_MONTHS = 12;
const PARALLEL_CALLS = 4;

export function MonthlyReport({ filters, onFilters }: { filters: Filters; onFilters: (filters: Filters) => void }) {
  const { t } = useDashboardI18n();
  const { api, print } = useDashboard();
  const allMonths = monthsOf(filters.period);
  const months = allMonths.slice(-MAX_REPORT_MONTHS);
  const point = filters.point;

  const reports = useAsync(
    () =>
      inBatches(months, 1, async (month): Promise<MonthReport> => {
        const period = monthPeriod(month);
        const [all, devices] = await inBatches([null, 'device'] as const, 2, (kind) => api.stats({ ...period, point, kind }));
        if (!all || !devices) throw new Error('no answer');
        const pointIds = point ? [] : all.byPoint.map((entry) => entry.pointId);
        const perPoint: StatsAnswer[] = point
          ? [all]
          : await inBatches(pointIds, PARALLEL_CALLS, (id) => api.stats({ ...period, point: id, kind: null }));
        return monthReport(month, all, devices, perPoint);
      }),
    `${months.join(',')}:${point}`,
  );

  return (
    <>
      <div class="no-print">
        <h1>{t('report.title')}</h1>
        <p>{t('report.intro')}</p>
        <FilterBar filters={filters} onChange={onFilters} showKind={false} />
        {allMonths.length > MAX_REPORT_MONTHS && (
          <p class="message message-warn">{t('report.tooMany', { max: MAX_REPORT_MONTHS })}</p>
        )}
        <button type="button" class="button button-primary" onClick={print} disabled={reports.state !== 'ready'}>
          {t('report.print')}
        </button>
      </div>
      {reports.state === 'failed' && <LoadFailed error={reports.error} onRetry={reports.reload} />}
      {reports.state === 'loading' && <Loading />}
      {reports.state === 'ready' &&
        reports.value.map((report) => <ReportPage key={report.month} report={report} pointId={point} />)}
    </>
  );
}
