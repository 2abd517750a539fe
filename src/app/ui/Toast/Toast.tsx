/**
 * The confirmation after every write ("Bewaard · Ongedaan maken"), in a
 * polite live region. It stays until the next one or until closed: no timer
 * races a slow reader.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';
import type { UndoStep } from '../../visits/writeVisit.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { problemMessage } from '../writeMessages.ts';
import './Toast.css';

export interface ToastContent {
  message: string;
  tone?: 'done' | 'problem';
  undo?: UndoStep;
  /** Offers "Meer details" for this visit. */
  detailsId?: string;
}

type ShowToast = (content: ToastContent | null) => void;

const ToastContext = createContext<ShowToast>(() => {});

export const useToast = (): ShowToast => useContext(ToastContext);

export function ToastProvider(props: { children: ComponentChildren }) {
  const [content, setContent] = useState<ToastContent | null>(null);
  const show = useCallback<ShowToast>((next) => setContent(next), []);
  return (
    <ToastContext.Provider value={show}>
      {props.children}
      <Toast content={content} show={show} />
    </ToastContext.Provider>
  );
}

function Toast({ content, show }: { content: ToastContent | null; show: ShowToast }) {
  const i18n = useI18n();
  const tablet = useTablet();
  const { t } = i18n;
  async function undo(step: UndoStep) {
    const result = await tablet.undo(step);
    show(result.ok ? { message: t('common.undone') } : { message: problemMessage(i18n, result), tone: 'problem' });
  }
  return (
    <div class="toast-region" role="status" aria-live="polite" aria-label={t('common.messages')}>
      {content && (
        <div class={`toast toast-${content.tone ?? 'done'}`}>
          <p class="toast-message">{content.message}</p>
          <div class="toast-actions">
            {content.undo && (
              <button type="button" class="button" onClick={() => content.undo && undo(content.undo)}>
                {t('common.undo')}
              </button>
            )}
            {content.detailsId && (
              <a class="button" href={hrefOf({ name: 'visit', id: content.detailsId })} onClick={() => show(null)}>
                {t('common.moreDetails')}
              </a>
            )}
            <button type="button" class="button button-quiet" onClick={() => show(null)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
