/**
 * Makes a single-use pairing code and shows it large (ABCD-EFGH) with its
 * expiry, and as a QR code of the app link `/?pair=CODE`, so a tablet's
 * camera pairs it in one step.
 */
import { useState } from 'preact/hooks';
import { formatPairingCode } from '../../../../shared/protocol.ts';
import type { PairingCode } from '../../api/types.ts';
import { useDashboard } from '../../context.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { LoadFailed } from '../shell/LoadState.tsx';
import { QrCode } from './QrCode.tsx';

export const pairingLink = (origin: string, code: string): string => `${origin}/?pair=${encodeURIComponent(code)}`;

export function PairingPanel({ onMade }: { onMade?: () => void }) {
  const { t, dateTime } = useDashboardI18n();
  const { api, origin } = useDashboard();
  const [code, setCode] = useState<PairingCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function make() {
    setBusy(true);
    setError(null);
    try {
      setCode(await api.newPairingCode());
      onMade?.();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  const link = code ? pairingLink(origin, code.code) : '';
  return (
    <section class="card pairing" aria-labelledby="pairing-title">
      <h2 id="pairing-title">{t('pairing.title')}</h2>
      <p>{t('pairing.intro')}</p>
      <button type="button" class="button button-primary" onClick={make} disabled={busy}>
        {busy ? t('pairing.making') : t(code ? 'pairing.makeAnother' : 'pairing.make')}
      </button>
      {error !== null && <LoadFailed error={error} onRetry={make} />}
      <div aria-live="polite">
        {code && (
          <div class="pairing-code">
            <div>
              <p class="pairing-code-label">{t('pairing.code')}</p>
              <p class="pairing-code-value" lang="en">
                {formatPairingCode(code.code)}
              </p>
              <p>{t('pairing.expires', { date: dateTime(code.expiresAt) })}</p>
              <p class="hint">
                {t('pairing.link')} <a href={link}>{link}</a>
              </p>
            </div>
            <QrCode text={link} label={t('pairing.qr', { link })} />
          </div>
        )}
      </div>
    </section>
  );
}
