import type { NumberedVisit } from '../../visits/todayView.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { VisitSummary } from '../VisitRow/VisitSummary.tsx';

/** Done today, newest first; each opens the visit to correct it. */
export function DoneList({ done }: { done: NumberedVisit[] }) {
  const { t } = useI18n();
  return (
    <section class="today-section today-done" aria-labelledby="done-title">
      <h2 id="done-title">{t('today.done', { count: done.length })}</h2>
      {done.length === 0 ? (
        <p class="hint">{t('today.noneDone')}</p>
      ) : (
        <ul class="people">
          {done.map((entry) => (
            <li key={entry.visit.id}>
              <a class="person-toggle" href={hrefOf({ name: 'visit', id: entry.visit.id })}>
                <strong>{t('visit.number', { number: entry.number })}</strong>
                <VisitSummary visit={entry.visit} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
