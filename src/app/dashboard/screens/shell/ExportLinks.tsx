/**
 * The downloads, one click away, for the period (and point) on screen:
 * plain links, so the browser saves the file with the session cookie.
 */
import { openDataCsvUrl, visitsCsvUrl } from '../../api/coordinatorApi.ts';
import type { Filters } from '../../filters.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { hrefOf } from './routes.ts';

export function ExportLinks({ filters }: { filters: Filters }) {
  const { t } = useDashboardI18n();
  const { from, to } = filters.period;
  return (
    <section class="exports" aria-labelledby="exports-title">
      <h2 id="exports-title" class="visually-hidden">
        {t('exports.title')}
      </h2>
      <ul class="export-links">
        <li>
          <a class="button button-quiet" href={visitsCsvUrl({ from, to, point: filters.point })} download>
            {t('exports.visits')}
          </a>
          <span class="hint">{t('exports.visitsHint')}</span>
        </li>
        <li>
          <a class="button button-quiet" href={openDataCsvUrl({ from, to })} download>
            {t('exports.openData')}
          </a>
          <span class="hint">{t('exports.openDataHint')}</span>
        </li>
        <li>
          <a class="button button-quiet" href={hrefOf({ name: 'report' })}>
            {t('exports.report')}
          </a>
          <span class="hint">{t('exports.reportHint')}</span>
        </li>
      </ul>
    </section>
  );
}
