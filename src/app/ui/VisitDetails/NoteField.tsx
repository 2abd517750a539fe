import { MAX_NOTE_LENGTH } from '../../../shared/limits.ts';
import type { PiiKind } from '../../../shared/pii.ts';
import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  value: string;
  /** What the personal-data guard found in the note right now, if anything. */
  found: PiiKind | null;
  onChange: (note: string) => void;
}

/** The free-text note, with its length and a warning the moment it looks like personal data. */
export function NoteField({ value, found, onChange }: Props) {
  const { t } = useI18n();
  return (
    <p class="details-note">
      <label for="note">{t('field.note')}</label>
      <span id="note-hint" class="hint">
        {t('field.noteHint')}
      </span>
      <textarea
        id="note"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={value}
        aria-invalid={found !== null}
        aria-describedby={found ? 'note-hint note-count note-pii' : 'note-hint note-count'}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <span id="note-count" class="hint">
        {t('field.noteCount', { count: value.length, max: MAX_NOTE_LENGTH })}
      </span>
      <span id="note-pii" role="alert" class={found ? 'message message-problem' : ''}>
        {found ? t(`pii.${found}`) : ''}
      </span>
    </p>
  );
}
