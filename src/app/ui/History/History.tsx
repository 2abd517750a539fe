/** The last 14 days on this tablet, grouped by day, newest first: open any visit to correct or delete it. */
import type { ShownVisit } from '../../visits/readVisits.ts';
import { useAppState } from '../AppState.ts';
import { useLive } from '../hooks/useLive.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { VisitSummary } from '../VisitRow/VisitSummary.tsx';
import './History.css';

export function History() {
  const tablet = useTablet();
  const { t, day, time } = useI18n();
  const { state } = useAppState();
  const visits = useLive<ShownVisit[]>((onChange) => tablet.watchRecent(onChange), [tablet]);
  if (!visits) return <p class="loading">{t('app.loading')}</p>;

  const days = new Map<string, ShownVisit[]>();
  for (const visit of [...visits].reverse()) {
    const key = visit.arrivedAt.slice(0, 10);
    days.set(key, [...(days.get(key) ?? []), visit]);
  }
  const pointName = (id: string) => state.points.find((p) => p.id === id)?.name ?? id;
  const severalPoints = new Set(visits.map((v) => v.pointId)).size > 1;
  const status = (visit: ShownVisit) =>
    visit.outcome || visit.endedAt ? null : t(visit.startedAt ? 'history.inHelp' : 'history.waiting');

  return (
    <div class="history">
      <h1>{t('history.title')}</h1>
      <p>{t(visits.length ? 'history.intro' : 'history.empty')}</p>
      {[...days].map(([key, list]) => (
        <section key={key} class="history-day" aria-labelledby={`day-${key}`}>
          <h2 id={`day-${key}`}>
            <span class="history-day-name">{day(Date.parse(list[0]?.arrivedAt ?? key))}</span>{' '}
            <span class="hint">{t('history.count', { count: list.length })}</span>
          </h2>
          <ul class="people">
            {list.map((visit) => (
              <li key={visit.id}>
                <a class="person-toggle" href={hrefOf({ name: 'visit', id: visit.id })}>
                  {status(visit) ? (
                    <span>
                      {time(Date.parse(visit.arrivedAt))} · {status(visit)}
                    </span>
                  ) : (
                    <VisitSummary visit={visit} />
                  )}
                  {severalPoints && <span class="hint">{pointName(visit.pointId)}</span>}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
