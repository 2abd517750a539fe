/**
 * "Revoke this tablet?" as a modal dialog that says what revoking does;
 * focus starts on Cancel (the safe choice) and Escape closes it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceSummary } from '../../api/types.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { LoadFailed } from '../shell/LoadState.tsx';

interface Props {
  device: DeviceSummary;
  onCancel: () => void;
  onRevoke: () => Promise<void>;
}

/** Tab from the last button goes back to the first, and Shift+Tab the other way: focus stays in the dialog. */
function keepFocusInside(event: KeyboardEvent) {
  const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('button:not([disabled])')];
  const first = buttons[0];
  const last = buttons.at(-1);
  if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  } else if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last?.focus();
  }
}

export function RevokeConfirm({ device, onCancel, onRevoke }: Props) {
  const { t } = useDashboardI18n();
  const cancel = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    // Back to the button that opened it; once revoked that button is gone, so to the screen itself.
    return () => (opener?.isConnected ? opener.focus() : document.getElementById('main')?.focus());
  }, []);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      await onRevoke();
    } catch (problem) {
      setError(problem);
      setBusy(false);
    }
  }

  return (
    <div class="backdrop">
      <div
        class="card confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="revoke-title"
        aria-describedby="revoke-text"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <h2 id="revoke-title">{t('tablets.confirmTitle', { label: device.label })}</h2>
        <p id="revoke-text">{t('tablets.confirmText')}</p>
        {error !== null && <LoadFailed error={error} onRetry={revoke} />}
        <div class="row">
          <button type="button" class="button button-danger" onClick={revoke} disabled={busy}>
            {t('tablets.confirm')}
          </button>
          <button type="button" class="button" ref={cancel} onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
