/**
 * The signed-in dashboard: header (name, menu, language, sign-out) and the
 * screen the address names. Focus moves to the new screen's main region when
 * the menu changes screen, so a screen reader starts at its heading.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Filters } from '../../filters.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { Barriers } from '../barriers/Barriers.tsx';
import { Overview } from '../overview/Overview.tsx';
import { PointsScreen } from '../points/PointsScreen.tsx';
import { MonthlyReport } from '../report/MonthlyReport.tsx';
import { TabletsScreen } from '../tablets/TabletsScreen.tsx';
import { hrefOf, ROUTE_NAMES, useRoute } from './routes.ts';

interface Props {
  username: string;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  onSignOut: () => void;
  languagePicker: ComponentChildren;
}

export function Screens({ username, filters, onFilters, onSignOut, languagePicker }: Props) {
  const { t } = useDashboardI18n();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(route.name);
  useEffect(() => {
    if (shown.current === route.name) return;
    shown.current = route.name;
    main.current?.focus();
  }, [route.name]);

  return (
    <>
      <header class="dash-header">
        <button type="button" class="skip-link button" onClick={() => main.current?.focus()}>
          {t('app.skip')}
        </button>
        <p class="dash-brand">{t('app.title')}</p>
        <nav aria-label={t('nav.label')}>
          <ul class="dash-nav">
            {ROUTE_NAMES.map((name) => (
              <li key={name}>
                <a href={hrefOf({ name })} aria-current={route.name === name ? 'page' : undefined}>
                  {t(`nav.${name}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="dash-account">
          {languagePicker}
          <span class="signed-in">{t('session.signedInAs', { name: username })}</span>
          <button type="button" class="button button-quiet" onClick={onSignOut}>
            {t('session.signOut')}
          </button>
        </div>
      </header>
      <main id="main" class={`dash-main screen-${route.name}`} tabIndex={-1} ref={main}>
        {route.name === 'overview' && <Overview filters={filters} onFilters={onFilters} />}
        {route.name === 'barriers' && <Barriers filters={filters} onFilters={onFilters} />}
        {route.name === 'report' && <MonthlyReport filters={filters} onFilters={onFilters} />}
        {route.name === 'points' && <PointsScreen />}
        {route.name === 'tablets' && <TabletsScreen />}
      </main>
    </>
  );
}
