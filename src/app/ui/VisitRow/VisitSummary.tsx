import { KINDS, OUTCOMES, TOPICS } from '../../../shared/taxonomy.ts';
import type { ShownVisit } from '../../visits/readVisits.ts';
import { useI18n } from '../i18n/I18n.tsx';
import './VisitSummary.css';

/** One line about a visit: when it ended, what kind, the topics and the outcome; a mark when the city refused it. */
export function VisitSummary({ visit }: { visit: ShownVisit }) {
  const { t, term, time } = useI18n();
  const when = Date.parse(visit.endedAt ?? visit.updatedAt);
  const parts = [
    time(when),
    term(KINDS, visit.kind),
    visit.topics.map((code) => term(TOPICS, code)).join(', '),
    visit.outcome && term(OUTCOMES, visit.outcome),
  ].filter(Boolean);
  return (
    <span class="visit-summary">
      {parts.join(' · ')}
      {visit.rejectedWith && <span class="visit-attention">{t('visit.needsAttention')}</span>}
    </span>
  );
}
