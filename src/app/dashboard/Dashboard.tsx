/**
 * The coordinator dashboard: checks the session (or offers the first
 * account on a new server), then shows the header with the menu, the
 * language and sign-out, and the screen the address names.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { LANGS, type Lang } from '../../shared/taxonomy.ts';
import { guardSession } from './api/guardSession.ts';
import { type ChartDrawer, ChartDrawerProvider } from './charts/drawer.ts';
import { type DashboardDeps, DashboardProvider } from './context.ts';
import { initialFilters } from './filters.ts';
import { useAsync } from './hooks/useAsync.ts';
import { type DashboardI18n, DashboardI18nProvider, dutch, loadDashboardI18n, useDashboardI18n } from './i18n/i18n.tsx';
import type { DashboardKey } from './i18n/nl.ts';
import { chooseLanguage, LANGUAGE_KEY } from './language.ts';
import { Screens } from './screens/shell/Screens.tsx';
import { FirstAccount } from './screens/signIn/FirstAccount.tsx';
import { SignIn } from './screens/signIn/SignIn.tsx';
// In this order: later files refine earlier ones, and print.css comes last.
import './dashboard.css';
import './overview.css';
import './manage.css';
import './report.css';
import './print.css';

export interface DashboardProps extends DashboardDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** navigator.languages */
  preferredLanguages: readonly string[];
  /** draws the charts (uPlot in the browser); without one, charts are their tables */
  drawer?: ChartDrawer | null;
}

type Session =
  | { state: 'checking' }
  | { state: 'out'; setupNeeded: boolean; notice: DashboardKey | null }
  | { state: 'in'; username: string };

export function Dashboard({ storage, preferredLanguages, drawer = null, ...deps }: DashboardProps) {
  const [i18n, setI18n] = useState<DashboardI18n>(dutch);
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [filters, setFilters] = useState(() => initialFilters(deps.now()));
  const [pointsVersion, setPointsVersion] = useState(0);

  const expire = useCallback(() => setSession({ state: 'out', setupNeeded: false, notice: 'session.expired' }), []);
  const api = useMemo(() => guardSession(deps.api, expire), [deps.api, expire]);

  const check = useCallback(async () => {
    try {
      const username = await api.session();
      if (username) setSession({ state: 'in', username });
      else setSession({ state: 'out', setupNeeded: await api.setupNeeded(), notice: null });
    } catch {
      setSession({ state: 'out', setupNeeded: false, notice: 'error.network' });
    }
  }, [api]);

  useEffect(() => {
    check();
    const lang = chooseLanguage(storage.getItem(LANGUAGE_KEY), preferredLanguages);
    if (lang !== 'nl') loadDashboardI18n(lang).then(setI18n, () => {});
  }, [check, storage, preferredLanguages]);

  useEffect(() => {
    document.documentElement.lang = i18n.lang;
    document.title = i18n.t('app.title');
  }, [i18n]);

  const signedIn = session.state === 'in' ? session.username : null;
  const points = useAsync(() => (signedIn ? api.points() : Promise.resolve([])), `${signedIn}:${pointsVersion}`);

  const context = useMemo(
    () => ({
      ...deps,
      api,
      points: points.value ?? [],
      reloadPoints: () => setPointsVersion((n) => n + 1),
    }),
    [deps.now, deps.origin, deps.print, api, points.value],
  );

  async function switchLanguage(lang: Lang) {
    const next = await loadDashboardI18n(lang);
    storage.setItem(LANGUAGE_KEY, lang);
    setI18n(next);
  }

  async function signOut() {
    await api.signOut().catch(() => {});
    setSession({ state: 'out', setupNeeded: false, notice: null });
  }

  return (
    <DashboardI18nProvider value={i18n}>
      <DashboardProvider value={context}>
        <ChartDrawerProvider value={drawer}>
          <div class="dashboard">
            {session.state === 'checking' && <p class="loading">{i18n.t('app.loading')}</p>}
            {session.state === 'out' && (
              <main class="auth" id="main">
                <LanguagePicker value={i18n.lang} onChange={switchLanguage} />
                {session.setupNeeded ? (
                  <FirstAccount
                    onDone={check}
                    onExists={() => setSession({ state: 'out', setupNeeded: false, notice: 'setup.exists' })}
                  />
                ) : (
                  <SignIn notice={session.notice} onSignedIn={check} />
                )}
              </main>
            )}
            {session.state === 'in' && (
              <Screens
                username={session.username}
                filters={filters}
                onFilters={setFilters}
                onSignOut={signOut}
                languagePicker={<LanguagePicker value={i18n.lang} onChange={switchLanguage} />}
              />
            )}
          </div>
        </ChartDrawerProvider>
      </DashboardProvider>
    </DashboardI18nProvider>
  );
}

function LanguagePicker({ value, onChange }: { value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useDashboardI18n();
  return (
    <label class="language-picker">
      {t('lang.label')}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as Lang)}>
        {LANGS.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`lang.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
