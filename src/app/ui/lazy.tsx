/**
 * Rarely used screens (setup, details, history, settings) are separate chunks,
 * so the first load stays small. The service worker precaches them, so they
 * open offline too; if one still cannot load, the host gets a retry.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n/I18n.tsx';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  return function Lazy(props: P) {
    const { t, complete } = useI18n();
    const [state, setState] = useState<'loading' | 'failed' | 'ready'>(loaded ? 'ready' : 'loading');
    useEffect(() => {
      if (state !== 'loading') return;
      load().then(
        (component) => {
          loaded = component;
          setState('ready');
        },
        () => setState('failed'),
      );
    }, [state]);
    // These screens use words beyond the everyday ones: wait for the whole dictionary too.
    if (loaded && complete) {
      const Component = loaded;
      return <Component {...props} />;
    }
    if (state === 'failed')
      return (
        <p class="message message-problem">
          <button type="button" class="button" onClick={() => setState('loading')}>
            {t('common.retry')}
          </button>
        </p>
      );
    return <p class="loading">{t('app.loading')}</p>;
  };
}
