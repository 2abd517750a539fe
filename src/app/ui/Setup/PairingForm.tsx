import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../../../shared/i18n/translate.ts';
import type { TabletState } from '../../visits/tabletSettings.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';

interface Props {
  state: TabletState;
  linkCode: string | null;
  onPaired: (paired: { state: TabletState; storage: MessageKey | null; pointsMissing: boolean }) => void;
}

const STORAGE_MESSAGE = {
  granted: 'setup.storageGranted',
  refused: 'setup.storageRefused',
  unsupported: 'setup.storageUnsupported',
} as const;

export function PairingForm({ state, linkCode, onPaired }: Props) {
  const tablet = useTablet();
  const { t } = useI18n();
  const [code, setCode] = useState(linkCode ?? '');
  const [label, setLabel] = useState(state.pairing?.label ?? t('setup.defaultLabel', { id: state.installId.slice(0, 4) }));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function pair() {
    setBusy(true);
    setProblem(null);
    const outcome = await tablet.pair({ code, label });
    if (!outcome.ok) {
      setBusy(false);
      setProblem(`setup.${outcome.problem}`);
      return;
    }
    const storage = await tablet.askPersistentStorage();
    onPaired({ state: outcome.state, storage: STORAGE_MESSAGE[storage], pointsMissing: outcome.pointsProblem !== null });
  }

  // A pairing link is tried once, when the screen opens.
  useEffect(() => {
    if (linkCode) pair();
    else heading.current?.focus();
  }, []);

  return (
    <form
      class="setup-form"
      onSubmit={(event) => {
        event.preventDefault();
        pair();
      }}
    >
      <h1 ref={heading} tabIndex={-1}>
        {t('setup.title')}
      </h1>
      {state.pairingRevoked && <p class="message message-warn">{t('setup.revoked')}</p>}
      <p>{t('setup.intro')}</p>
      <p class="setup-field">
        <label for="pair-code">{t('setup.code')}</label>
        <span id="pair-code-hint" class="hint">
          {t('setup.codeHint')}
        </span>
        <input
          id="pair-code"
          class="setup-code"
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={problem ? 'pair-code-hint pair-problem' : 'pair-code-hint'}
          aria-invalid={problem === 'setup.malformed' || problem === 'setup.rejected'}
          required
        />
      </p>
      <p class="setup-field">
        <label for="pair-label">{t('setup.label')}</label>
        <span id="pair-label-hint" class="hint">
          {t('setup.labelHint')}
        </span>
        <input
          id="pair-label"
          value={label}
          maxLength={80}
          onInput={(event) => setLabel(event.currentTarget.value)}
          aria-describedby="pair-label-hint"
        />
      </p>
      {problem && (
        <p id="pair-problem" class="message message-problem" role="alert">
          {t(problem)}
        </p>
      )}
      <div class="row">
        <button type="submit" class="button button-primary" disabled={busy}>
          {t(busy ? 'setup.pairing' : 'setup.pair')}
        </button>
        {/* "Pair again" opened by choice from Settings: the tablet still works as it is, so offer the way back. */}
        {state.pairing && !state.pairingRevoked && !linkCode && (
          <a class="button button-quiet" href={hrefOf({ name: 'settings' })}>
            {t('common.back')}
          </a>
        )}
      </div>
    </form>
  );
}
