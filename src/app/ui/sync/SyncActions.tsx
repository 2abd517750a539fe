/**
 * The sync actions in Settings: "Sync now" and the last resort, "Save unsynced
 * visits to a file". Their outcome is said in a polite live region beside them;
 * the status line itself stays in the screen's header, announced once.
 */
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18n.tsx';
import { useSync } from './SyncContext.ts';
import { saveFile } from './saveFile.ts';
import { countKey, type SyncTextKey, syncText } from './strings.ts';
import './sync.css';

interface Props {
  /** Where the file goes; the browser's download unless a test or another shell says otherwise. */
  save?: (fileName: string, text: string) => void;
}

export function SyncActions({ save = saveFile }: Props) {
  const sync = useSync();
  const text = syncText(useI18n().lang);
  const [said, setSaid] = useState('');
  const [saving, setSaving] = useState(false);
  if (!sync) return null;

  const syncNow = () => {
    sync.syncNow();
    setSaid(text('sync.nowStarted'));
  };

  const saveUnsynced = async () => {
    setSaving(true);
    try {
      const rescue = await sync.saveUnsynced();
      if (!rescue) return setSaid(text('sync.saveUnpaired'));
      const count = rescue.file.visits.length;
      if (count === 0) return setSaid(text('sync.savedNone'));
      save(rescue.fileName, rescue.json);
      setSaid(text(countKey('sync.saved', count) as SyncTextKey, { count }));
    } catch {
      setSaid(text('sync.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="sync-actions">
      <div class="row">
        <button type="button" class="button button-primary" onClick={syncNow}>
          {text('sync.now')}
        </button>
      </div>
      <div class="sync-rescue">
        <button
          type="button"
          class="button button-quiet"
          onClick={saveUnsynced}
          disabled={saving}
          aria-describedby="sync-save-hint"
        >
          {text('sync.save')}
        </button>
        <p id="sync-save-hint" class="hint">
          {text('sync.saveHint')}
        </p>
      </div>
      <p class="sync-said" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
