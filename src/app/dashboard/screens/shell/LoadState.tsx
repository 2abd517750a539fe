/** What a screen says while its figures load, or when they could not be loaded. */
import { ApiError } from '../../api/coordinatorApi.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';

export function Loading() {
  const { t } = useDashboardI18n();
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useDashboardI18n();
  const status = error instanceof ApiError ? error.status : 'network';
  return (
    <div class="message message-problem" role="alert">
      <p>{status === 'network' ? t('error.network') : t('error.server', { status })}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
