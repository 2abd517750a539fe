/**
 * Home: the two quick-log buttons and check-in on top, then who is waiting,
 * who is being helped and what is done today at this point.
 */
import type { Point } from '../../../shared/protocol.ts';
import type { ShownVisit } from '../../visits/readVisits.ts';
import { todayView } from '../../visits/todayView.ts';
import { useFirstScreenShown } from '../firstScreen.ts';
import { useLive } from '../hooks/useLive.ts';
import { useNow } from '../hooks/useNow.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { useToast } from '../Toast/Toast.tsx';
import { problemMessage } from '../writeMessages.ts';
import { DoneList } from './DoneList.tsx';
import { WaitingLine } from './WaitingLine.tsx';
import './Today.css';

export function Today({ point }: { point: Point }) {
  const tablet = useTablet();
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const now = useNow(tablet.now);
  const day = new Date(now).toDateString();
  const visits = useLive<ShownVisit[]>((onChange) => tablet.watchToday(point.id, onChange), [tablet, point.id, day]);
  const view = todayView(visits ?? []);
  useFirstScreenShown(visits !== undefined);

  async function checkIn() {
    const number = (visits?.length ?? 0) + 1;
    const result = await tablet.checkIn(point.id);
    toast(
      result.ok
        ? { message: t('today.checkedIn', { number }), undo: result.undo }
        : { message: problemMessage(i18n, result), tone: 'problem' },
    );
  }

  return (
    <div class="today">
      <h1 class="visually-hidden">{t('today.title')}</h1>
      <div class="today-actions">
        <a
          class="button button-primary today-action"
          href={hrefOf({ name: 'log', kind: 'question' })}
          aria-describedby="question-hint"
        >
          <span class="today-action-label">{t('today.question')}</span>
          <span id="question-hint" class="today-action-hint" aria-hidden="true">
            {t('today.questionHint')}
          </span>
        </a>
        <a
          class="button button-primary today-action"
          href={hrefOf({ name: 'log', kind: 'device' })}
          aria-describedby="device-hint"
        >
          <span class="today-action-label">{t('today.device')}</span>
          <span id="device-hint" class="today-action-hint" aria-hidden="true">
            {t('today.deviceHint')}
          </span>
        </a>
        <button type="button" class="button today-action" onClick={checkIn} aria-describedby="check-in-hint">
          <span class="today-action-label">{t('today.checkIn')}</span>
          <span id="check-in-hint" class="today-action-hint" aria-hidden="true">
            {t('today.checkInHint')}
          </span>
        </button>
      </div>
      {visits === undefined ? (
        <p class="loading">{t('app.loading')}</p>
      ) : (
        <div class="today-lists">
          <WaitingLine waiting={view.waiting} inHelp={view.inHelp} now={now} />
          <DoneList done={view.done} />
        </div>
      )}
    </div>
  );
}
