/**
 * The frame of every screen once the tablet is set up: where and when we are,
 * the quiet sync status line, and the way between Today, the last 14 days
 * and Settings.
 */
import type { ComponentChildren } from 'preact';
import { useNow } from '../hooks/useNow.ts';
import { hrefOf, type Route } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useTablet } from '../TabletContext.ts';
import { useToast } from '../Toast/Toast.tsx';
import { SyncStatusSlot } from './SyncSlots.tsx';
import './Shell.css';

interface Props {
  pointName: string;
  route: Route;
  children: ComponentChildren;
}

const SECTIONS = [
  { route: { name: 'today' }, key: 'nav.today' },
  { route: { name: 'history' }, key: 'nav.history' },
  { route: { name: 'settings' }, key: 'nav.settings' },
] as const;

export function Shell({ pointName, route, children }: Props) {
  const { t, day } = useI18n();
  const now = useNow(useTablet().now, 60_000);
  const toast = useToast();
  const section = route.name === 'history' || route.name === 'settings' ? route.name : 'today';
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="shell-header">
        <p class="shell-where">
          <strong>{pointName}</strong>
          <span class="shell-date">{day(now)}</span>
        </p>
        <SyncStatusSlot />
        <nav class="shell-nav" aria-label={t('nav.label')}>
          {SECTIONS.map((item) => (
            <a
              key={item.key}
              class="shell-nav-link"
              href={hrefOf(item.route)}
              aria-current={section === item.route.name ? 'page' : undefined}
              // A confirmation belongs to the screen it was given on: moving to another section ends it.
              onClick={() => section !== item.route.name && toast(null)}
            >
              {t(item.key)}
            </a>
          ))}
        </nav>
      </header>
      <main id="main" class="shell-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
