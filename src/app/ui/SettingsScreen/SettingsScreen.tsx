/** Settings: the point, the language, syncing, pairing again and the app version. */
import { LANGS } from '../../../shared/taxonomy.ts';
import { APP_VERSION } from '../../version.ts';
import { useAppState } from '../AppState.ts';
import { hrefOf } from '../hooks/useRoute.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { SyncActionsSlot } from '../Shell/SyncSlots.tsx';
import { ToggleGroup } from '../ToggleGroup/ToggleGroup.tsx';
import './SettingsScreen.css';

const STORAGE_KEYS = {
  granted: 'setup.storageGranted',
  refused: 'setup.storageRefused',
  unsupported: 'setup.storageUnsupported',
} as const;

export function SettingsScreen() {
  const { t } = useI18n();
  const { state, chooseLanguage } = useAppState();
  const point = state.points.find((p) => p.id === state.pointId);
  return (
    <div class="settings">
      <h1>{t('settings.title')}</h1>

      <section aria-labelledby="settings-point">
        <h2 id="settings-point">{t('settings.point')}</h2>
        <p>{point?.name}</p>
        <a class="button" href={hrefOf({ name: 'point' })}>
          {t('settings.changePoint')}
        </a>
      </section>

      <section aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <ToggleGroup
          legend={t('settings.language')}
          choices={LANGS.map((lang) => ({ code: lang, label: t(`lang.${lang}`) }))}
          value={[state.lang]}
          clearable={false}
          onChange={([lang]) => {
            const chosen = LANGS.find((l) => l === lang);
            if (chosen) chooseLanguage(chosen);
          }}
        />
      </section>

      <section aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('settings.sync')}</h2>
        <SyncActionsSlot />
        {state.persistentStorage && (
          <p class={state.persistentStorage === 'granted' ? 'hint' : 'message message-warn'}>
            {t(STORAGE_KEYS[state.persistentStorage])}
          </p>
        )}
      </section>

      <section aria-labelledby="settings-pairing">
        <h2 id="settings-pairing">{t('settings.pairing')}</h2>
        {state.pairing && <p>{t('settings.pairedAs', { label: state.pairing.label })}</p>}
        <p class="hint">{t('settings.pairAgainHint')}</p>
        <a class="button" href={hrefOf({ name: 'pair' })}>
          {t('settings.pairAgain')}
        </a>
      </section>

      <section aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        <p>
          {t('app.name')} · {t('settings.version', { version: APP_VERSION })}
        </p>
      </section>
    </div>
  );
}
