/**
 * The points tablets choose from: add one, rename one, make one (in)active.
 * A point is never deleted: its visits keep their statistics.
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/coordinatorApi.ts';
import type { PointRecord } from '../../api/types.ts';
import { useDashboard } from '../../context.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { AddPointForm } from './AddPointForm.tsx';
import { PointRow } from './PointRow.tsx';

export function PointsScreen() {
  const { t } = useDashboardI18n();
  const { api, points, reloadPoints } = useDashboard();
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | null>(null);

  async function change(point: PointRecord, update: { name?: string; active?: boolean }, done: (p: PointRecord) => string) {
    try {
      const saved = await api.updatePoint(point.id, update);
      setNotice({ text: done(saved), problem: false });
      reloadPoints();
      return true;
    } catch (error) {
      setNotice({ text: problemText(error, t), problem: true });
      return false;
    }
  }

  return (
    <>
      <h1>{t('points.title')}</h1>
      <p>{t('points.intro')}</p>
      <p class={notice ? `message${notice.problem ? ' message-problem' : ''}` : 'visually-hidden'} role="status">
        {notice?.text}
      </p>
      {points.length === 0 ? (
        <p class="message empty-state">{t('empty.points')}</p>
      ) : (
        <div class="table-scroll">
          <table class="data-table manage-table">
            <caption class="visually-hidden">{t('points.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('points.name')}</th>
                <th scope="col">{t('points.id')}</th>
                <th scope="col">{t('points.status')}</th>
                <th scope="col">{t('points.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <PointRow
                  key={point.id}
                  point={point}
                  onRename={(name) => change(point, { name }, (saved) => t('points.renamed', { name: saved.name }))}
                  onActive={(active) =>
                    change(point, { active }, (saved) =>
                      t(active ? 'points.activated' : 'points.deactivated', { name: saved.name }),
                    )
                  }
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddPointForm
        onAdd={async (point) => {
          try {
            const saved = await api.addPoint(point);
            setNotice({ text: t('points.added', { name: saved.name }), problem: false });
            reloadPoints();
            return null;
          } catch (error) {
            if (error instanceof ApiError && error.status === 409) return t('points.exists', { id: point.id });
            return problemText(error, t);
          }
        }}
      />
    </>
  );
}

function problemText(error: unknown, t: ReturnType<typeof useDashboardI18n>['t']): string {
  if (error instanceof ApiError && error.status !== 'network') return t('error.server', { status: error.status });
  return t('error.network');
}
