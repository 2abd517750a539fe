import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../../shared/i18n/translate.ts';
import type { TabletState } from '../../visits/tabletSettings.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';

interface Props {
  state: TabletState;
  /** What the browser answered about keeping this tablet's data, right after pairing. */
  storageAnswer: MessageKey | null;
  pointsMissing: boolean;
  canGoBack: boolean;
  onChosen: () => Promise<void>;
}

/** "Where are we today?": the city's points as large rows. The choice is remembered until changed. */
export function PointPicker({ state, storageAnswer, pointsMissing, canGoBack, onChosen }: Props) {
  const tablet = useTablet();
  const { t } = useI18n();
  const [points, setPoints] = useState(state.points);
  const [problem, setProblem] = useState<MessageKey | null>(pointsMissing ? 'point.pointsMissing' : null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Before the screen is painted, so a quick Tab is never pulled back to the heading.
  useLayoutEffect(() => heading.current?.focus(), []);

  async function reloadPoints() {
    setProblem(null);
    const outcome = await tablet.refreshPoints();
    if (outcome.ok) setPoints(outcome.state.points);
    else setProblem(`setup.${outcome.problem}`);
  }

  async function choose(pointId: string) {
    await tablet.settings.choosePoint(pointId);
    await onChosen();
  }

  return (
    <div class="point-picker">
      {storageAnswer && (
        <>
          <p class="message">{t('setup.paired')}</p>
          <p class={storageAnswer === 'setup.storageGranted' ? 'message' : 'message message-warn'}>{t(storageAnswer)}</p>
        </>
      )}
      <h1 id="point-title" ref={heading} tabIndex={-1}>
        {t('point.title')}
      </h1>
      <p>{t('point.intro')}</p>
      {problem && (
        <p class="message message-problem" role="alert">
          {t(problem)}
        </p>
      )}
      {points.length === 0 && !problem && <p class="message message-warn">{t('point.none')}</p>}
      <ul class="point-list" aria-labelledby="point-title">
        {points.map((point) => (
          <li key={point.id}>
            <button
              type="button"
              class="button point-choice"
              aria-current={point.id === state.pointId ? 'true' : undefined}
              onClick={() => choose(point.id)}
            >
              <span>{point.name}</span>
              {point.id === state.pointId && <span class="point-current">{t('point.current')}</span>}
            </button>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="button button-quiet" onClick={reloadPoints}>
          {t('point.reload')}
        </button>
        {canGoBack && (
          <a class="button button-quiet" href={hrefOf({ name: 'today' })}>
            {t('common.back')}
          </a>
        )}
      </div>
    </div>
  );
}
