import { MAX_PEOPLE } from '../../../shared/limits.ts';
import { useI18n } from '../i18n/I18n.tsx';

/** How many people were helped together: a stepper, so no keyboard pops up for a small number. */
export function PeopleField({ value, onChange }: { value: number; onChange: (people: number) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="details-people">
      <legend id="people-label">{t('field.people')}</legend>
      <div class="row">
        <button
          type="button"
          class="button"
          aria-label={t('field.peopleLess')}
          disabled={value <= 1}
          onClick={() => onChange(value - 1)}
        >
          −
        </button>
        <output class="details-people-value" aria-labelledby="people-label" aria-live="polite">
          {value}
        </output>
        <button
          type="button"
          class="button"
          aria-label={t('field.peopleMore')}
          disabled={value >= MAX_PEOPLE}
          onClick={() => onChange(value + 1)}
        >
          +
        </button>
      </div>
    </fieldset>
  );
}
