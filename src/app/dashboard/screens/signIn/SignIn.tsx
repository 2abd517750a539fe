/**
 * Sign in as a coordinator. A wrong user and a wrong password get the same
 * words (the server answers both alike); too many attempts say to wait.
 */
import { useId, useState } from 'preact/hooks';
import type { SignInResult } from '../../api/coordinatorApi.ts';
import { useDashboard } from '../../context.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import type { DashboardKey } from '../../i18n/nl.ts';

const PROBLEM: Record<Exclude<SignInResult, 'ok'>, DashboardKey> = { wrong: 'signIn.wrong', 'too-many': 'signIn.tooMany' };

export function SignIn({ notice, onSignedIn }: { notice?: DashboardKey | null; onSignedIn: () => void }) {
  const { t } = useDashboardI18n();
  const { api } = useDashboard();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<DashboardKey | null>(null);
  const id = useId();

  async function submit(event: Event) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setProblem('signIn.missing');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.signIn(username.trim(), password);
      if (result === 'ok') {
        onSignedIn();
        return;
      }
      setProblem(PROBLEM[result]);
      setPassword('');
    } catch {
      setProblem('error.network');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card auth-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      {notice && !problem && (
        <p class="message message-warn" role="status">
          {t(notice)}
        </p>
      )}
      <label for={`${id}-user`}>{t('signIn.username')}</label>
      <input
        id={`${id}-user`}
        name="username"
        autocomplete="username"
        autocapitalize="none"
        spellcheck={false}
        value={username}
        aria-invalid={problem === 'signIn.wrong'}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(e) => setUsername(e.currentTarget.value)}
      />
      <label for={`${id}-password`}>{t('signIn.password')}</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autocomplete="current-password"
        value={password}
        aria-invalid={problem === 'signIn.wrong'}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      {problem && (
        <p id={`${id}-problem`} class="message message-problem" role="alert">
          {t(problem)}
        </p>
      )}
      <button type="submit" class="button button-primary" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );
}
