/**
 * One visit, every field: open it from Today, the last 14 days or the
 * "Meer details" of a toast, correct it (rev + 1) or delete it (with undo).
 */
import type { ShownVisit } from '../../visits/readVisits.ts';
import { useLive } from '../hooks/useLive.ts';
import { navigate } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { useToast } from '../Toast/Toast.tsx';
import { problemMessage } from '../writeMessages.ts';
import { DetailsForm } from './DetailsForm.tsx';
import './VisitDetails.css';

export function VisitDetails({ id }: { id: string }) {
  const tablet = useTablet();
  const i18n = useI18n();
  const { t, dayTime } = i18n;
  const toast = useToast();
  const visit = useLive<ShownVisit | undefined | null>(
    (onChange) => tablet.watchVisit(id, (v) => onChange(v ?? null)),
    [tablet, id],
  );

  if (visit === undefined) return <p class="loading">{t('app.loading')}</p>;
  if (visit === null) return <p class="message message-problem">{t('error.not-found')}</p>;

  // Back to where the visit was opened from (Today, the last 14 days, a toast); Today when opened directly.
  function goBack() {
    if (window.history.length > 1) window.history.back();
    else navigate({ name: 'today' });
  }

  async function restore() {
    const result = await tablet.editVisit(id, { deleted: false });
    toast(
      result.ok
        ? { message: t('details.restored'), undo: result.undo }
        : { message: problemMessage(i18n, result), tone: 'problem' },
    );
  }

  return (
    <div class="visit-details">
      <p>
        <button type="button" class="button button-quiet" onClick={goBack}>
          {t('common.back')}
        </button>
      </p>
      <h1>{t('details.titleNumbered', { date: dayTime(Date.parse(visit.arrivedAt)) })}</h1>
      <p class="hint">{t('details.enteredAt', { time: dayTime(Date.parse(visit.createdAt)) })}</p>
      {visit.deleted ? (
        <div class="message message-warn">
          <p>{t('details.isDeleted')}</p>
          <button type="button" class="button" onClick={restore}>
            {t('details.restore')}
          </button>
        </div>
      ) : (
        <DetailsForm visit={visit} />
      )}
    </div>
  );
}
