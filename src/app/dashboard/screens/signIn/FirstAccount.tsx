/**
 * On a new server, the setup code it printed at start becomes the first
 * coordinator account (POST /api/v1/setup), signed in at once.
 */
import { useId, useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/coordinator.ts';
import type { SetupResult } from '../../api/coordinatorApi.ts';
import { useDashboard } from '../../context.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import type { DashboardKey } from '../../i18n/nl.ts';

const PROBLEM: Record<Exclude<SetupResult, 'ok'>, DashboardKey> = {
  'bad-code': 'setup.badCode',
  exists: 'setup.exists',
  'too-many': 'signIn.tooMany',
  invalid: 'setup.invalid',
};

export function FirstAccount({ onDone, onExists }: { onDone: () => void; onExists: () => void }) {
  const { t } = useDashboardI18n();
  const { api } = useDashboard();
  const [code, setCode] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ key: DashboardKey; min?: number } | null>(null);
  const id = useId();

  async function submit(event: Event) {
    event.preventDefault();
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      setProblem({ key: 'setup.tooShort', min: MIN_PASSWORD_LENGTH });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.setup(code.trim(), username.trim(), password);
      if (result === 'ok') onDone();
      else if (result === 'exists') onExists();
      else setProblem({ key: PROBLEM[result] });
    } catch {
      setProblem({ key: 'error.network' });
    } finally {
      setBusy(false);
    }
  }

  const described = (hint: string) => [hint, problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
  return (
    <form class="card auth-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <label for={`${id}-code`}>{t('setup.code')}</label>
      <p id={`${id}-code-hint`} class="hint">
        {t('setup.codeHint')}
      </p>
      <input
        id={`${id}-code`}
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        value={code}
        aria-describedby={described(`${id}-code-hint`)}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <label for={`${id}-user`}>{t('setup.username')}</label>
      <p id={`${id}-user-hint`} class="hint">
        {t('setup.usernameHint')}
      </p>
      <input
        id={`${id}-user`}
        autocomplete="username"
        autocapitalize="none"
        spellcheck={false}
        value={username}
        aria-describedby={`${id}-user-hint`}
        onInput={(e) => setUsername(e.currentTarget.value)}
      />
      <label for={`${id}-password`}>{t('setup.password')}</label>
      <p id={`${id}-password-hint`} class="hint">
        {t('setup.passwordHint', { min: MIN_PASSWORD_LENGTH })}
      </p>
      <input
        id={`${id}-password`}
        type="password"
        autocomplete="new-password"
        value={password}
        aria-describedby={described(`${id}-password-hint`)}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      {problem && (
        <p id={`${id}-problem`} class="message message-problem" role="alert">
          {t(problem.key, { min: problem.min ?? MIN_PASSWORD_LENGTH })}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {t('setup.submit')}
      </button>
    </form>
  );
}
