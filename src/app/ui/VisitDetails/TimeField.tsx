import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  id: string;
  label: string;
  /** `YYYY-MM-DDTHH:mm`, or '' when not set. */
  value: string;
  clearable?: boolean;
  onChange: (value: string) => void;
}

/** A date and time the host can set back, for a visit logged after the fact. */
export function TimeField({ id, label, value, clearable, onChange }: Props) {
  const { t } = useI18n();
  return (
    <p class="details-time">
      <label for={id}>{label}</label>
      <span class="row">
        <input id={id} type="datetime-local" value={value} onInput={(event) => onChange(event.currentTarget.value)} />
        {clearable && value !== '' && (
          <button type="button" class="button button-quiet" onClick={() => onChange('')}>
            {t('details.clearTime')}
          </button>
        )}
      </span>
    </p>
  );
}
