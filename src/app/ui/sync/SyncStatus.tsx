/**
 * The quiet sync line on every screen. A polite live region: a screen reader
 * hears a change when the host pauses, never in the middle of a sentence.
 */
import { useI18n } from '../i18n/I18n.tsx';
import { describeSync } from './describeSync.ts';
import { useSync, useSyncStatus } from './SyncContext.ts';
import { syncText } from './strings.ts';
import './sync.css';

export function SyncStatus() {
  const sync = useSync();
  const status = useSyncStatus(sync);
  const { lang, time, dayTime } = useI18n();
  const text = syncText(lang);
  const line = status && sync ? describeSync(status, { text, time, dayTime, now: sync.now() }) : null;
  return (
    <p class={`sync-status sync-status-${line?.tone ?? 'calm'}`} role="status" aria-live="polite" aria-atomic="true">
      <span class="visually-hidden">{text('sync.region')}: </span>
      {line?.text ?? ''}
    </p>
  );
}
