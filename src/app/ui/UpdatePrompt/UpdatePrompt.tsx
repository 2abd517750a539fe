/**
 * "Nieuwe versie beschikbaar — Vernieuwen": shown once a new version of the
 * app waits, and only on the calm screens (Today, the last 14 days,
 * Settings), never while a visit is being logged or corrected. The app
 * switches only when the host taps the button.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AppUpdate } from '../../registerServiceWorker.ts';
import { useI18n } from '../i18n/I18n.tsx';
import './UpdatePrompt.css';

interface Props {
  /** Resolves once the service worker is registered; null where there is none. */
  updates: Promise<AppUpdate | null> | null;
  /** Whether the current screen is one where switching interrupts nothing. */
  calm: boolean;
}

export function UpdatePrompt({ updates, calm }: Props) {
  const { t } = useI18n();
  const [waiting, setWaiting] = useState<AppUpdate | null>(null);

  useEffect(() => {
    let live = true;
    let stop = () => {};
    updates?.then(
      (update) => {
        if (live && update) stop = update.onWaiting(() => setWaiting(update));
      },
      () => {},
    );
    return () => {
      live = false;
      stop();
    };
  }, [updates]);

  const shown = waiting !== null && calm;
  return (
    <div class={shown ? 'update-region update-region-shown' : 'update-region'} role="status">
      {shown && (
        <div class="update-prompt">
          <p class="update-prompt-text">{t('update.available')}</p>
          <button type="button" class="button button-primary" onClick={() => waiting.apply()}>
            {t('update.reload')}
          </button>
        </div>
      )}
    </div>
  );
}
