/**
 * The tablet app: loads this tablet's settings and language, then shows the
 * setup (not paired, pairing revoked, a pairing link, or "pair again"), the
 * point choice, or the daily screens.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../../shared/taxonomy.ts';
import type { AppUpdate } from '../registerServiceWorker.ts';
import type { SyncHandle } from '../sync/startSync.ts';
import type { Tablet } from '../visits/service.ts';
import type { TabletState } from '../visits/tabletSettings.ts';
import { AppStateContext } from './AppState.ts';
import { FirstScreenContext, useFirstScreenShown } from './firstScreen.ts';
import { navigate, type Route, useRoute } from './hooks/useRoute.ts';
import { everydayDutch, type I18n, I18nProvider, loadI18n } from './i18n/I18n.tsx';
import { lazy } from './lazy.tsx';
import { QuickLog } from './QuickLog/QuickLog.tsx';
import { Shell } from './Shell/Shell.tsx';
import { SyncContext } from './sync/SyncContext.ts';
import { TabletContext } from './TabletContext.ts';
import { ToastProvider } from './Toast/Toast.tsx';
import { Today } from './Today/Today.tsx';
import { UpdatePrompt } from './UpdatePrompt/UpdatePrompt.tsx';
import './global.css';

const Setup = lazy(() => import('./Setup/Setup.tsx').then((m) => m.Setup));
const VisitDetails = lazy(() => import('./VisitDetails/VisitDetails.tsx').then((m) => m.VisitDetails));
const History = lazy(() => import('./History/History.tsx').then((m) => m.History));
const SettingsScreen = lazy(() => import('./SettingsScreen/SettingsScreen.tsx').then((m) => m.SettingsScreen));

/** The city may revoke this tablet at any time (the sync engine then marks it): look again now and then. */
const RECHECK_MS = 30_000;

interface Props {
  tablet: Tablet;
  /** The sync engine once it has started (it loads after the first screen); none in tests of the screens alone. */
  sync?: Promise<SyncHandle> | null;
  /** A pairing code from the link the coordinator's QR code holds (`/?pair=CODE`). */
  pairCode?: string | null;
  /** Tells when a new version of the app waits (the service worker); none in tests of the screens alone. */
  updates?: Promise<AppUpdate | null> | null;
  /** Called once the first screen shows what it is for (see firstScreen.ts). */
  onFirstScreen?: () => void;
}

/** No one waits for the first screen (tests of the screens alone). */
const ignore = () => {};

/** Screens where switching to a new version interrupts nothing: no visit is being typed there. */
const CALM_ROUTES: readonly Route['name'][] = ['today', 'history', 'settings'];

export function App({ tablet, sync = null, pairCode = null, updates = null, onFirstScreen = ignore }: Props) {
  const [state, setState] = useState<TabletState | null>(null);
  const [syncHandle, setSyncHandle] = useState<SyncHandle | null>(null);
  const [i18n, setI18n] = useState<I18n>(everydayDutch);
  const [linkCode, setLinkCode] = useState(pairCode);
  const route = useRoute();

  const reload = useCallback(async () => {
    const next = await tablet.settings.load();
    // Dutch shows at once with its everyday words; another language is worth the wait for its chunk.
    // If a chunk cannot load now, the next check tries again.
    const words = loadI18n(next.lang).then(setI18n, () => {});
    if (next.lang !== 'nl') await words;
    // Unchanged settings keep the same object, so the periodic check does not redraw every screen.
    setState((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, [tablet]);

  // Read the settings as soon as the loading screen is committed, not after the browser has painted it.
  useLayoutEffect(() => {
    reload();
    const timer = setInterval(reload, RECHECK_MS);
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  useEffect(() => {
    sync?.then(setSyncHandle, () => {});
  }, [sync]);

  // The engine learns first when the city revokes this tablet (a 401): show the setup at once.
  useEffect(
    () =>
      syncHandle?.status.subscribe((status) => {
        if (status.phase === 'revoked') reload();
      }),
    [syncHandle, reload],
  );

  useEffect(() => {
    document.documentElement.lang = i18n.lang;
  }, [i18n]);

  const appState = useMemo(
    () =>
      state && {
        state,
        reload,
        chooseLanguage: async (lang: Lang) => {
          const next = await loadI18n(lang);
          await tablet.settings.chooseLanguage(lang);
          setI18n(next);
          setState({ ...state, lang });
        },
      },
    [state, reload, tablet],
  );

  return (
    <TabletContext.Provider value={tablet}>
      <FirstScreenContext.Provider value={onFirstScreen}>
        <SyncContext.Provider value={syncHandle}>
          <I18nProvider value={i18n}>
            <ToastProvider>
              <UpdatePrompt
                updates={updates}
                calm={Boolean(
                  state?.pairing && !state.pairingRevoked && state.pointId && !linkCode && CALM_ROUTES.includes(route.name),
                )}
              />
              {appState ? (
                <AppStateContext.Provider value={appState}>
                  <Screens
                    state={appState.state}
                    route={route}
                    linkCode={linkCode}
                    onSetupDone={async () => {
                      setLinkCode(null);
                      await reload();
                      syncHandle?.syncNow();
                      navigate({ name: 'today' });
                    }}
                  />
                </AppStateContext.Provider>
              ) : (
                <p class="loading">{i18n.t('app.loading')}</p>
              )}
            </ToastProvider>
          </I18nProvider>
        </SyncContext.Provider>
      </FirstScreenContext.Provider>
    </TabletContext.Provider>
  );
}

interface ScreensProps {
  state: TabletState;
  route: Route;
  linkCode: string | null;
  onSetupDone: () => Promise<void>;
}

function Screens({ state, route, linkCode, onSetupDone }: ScreensProps) {
  const point = state.points.find((p) => p.id === state.pointId);
  const setupStep =
    !state.pairing || state.pairingRevoked || linkCode !== null || route.name === 'pair'
      ? 'pair'
      : !point || route.name === 'point'
        ? 'point'
        : null;
  // The home screen reports itself once today's lists are in; every other screen shows what it is for now.
  useFirstScreenShown(setupStep !== null || route.name !== 'today');
  if (setupStep === 'pair') return <Setup state={state} step="pair" linkCode={linkCode} onDone={onSetupDone} />;
  if (setupStep === 'point' || !point) return <Setup state={state} step="point" linkCode={null} onDone={onSetupDone} />;
  return (
    <Shell pointName={point.name} route={route}>
      {route.name === 'log' && <QuickLog key={route.kind} mode={{ kind: route.kind }} pointId={point.id} />}
      {route.name === 'finish' && <QuickLog key={route.id} mode={{ finishId: route.id }} pointId={point.id} />}
      {route.name === 'visit' && <VisitDetails key={route.id} id={route.id} />}
      {route.name === 'history' && <History />}
      {route.name === 'settings' && <SettingsScreen />}
      {route.name === 'today' && <Today point={point} />}
    </Shell>
  );
}
