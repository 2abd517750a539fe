/**
 * The period (this week, month, year or custom), point and kind, at the top
 * of the overview, the barriers and the report. A custom period takes effect
 * with "Apply", so half-typed dates never start a query.
 */
import { useId, useState } from 'preact/hooks';
import { KINDS, type Kind } from '../../../../shared/taxonomy.ts';
import { useDashboard } from '../../context.ts';
import { type Filters, localDate } from '../../filters.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { isValidPeriod, PRESETS, type Preset, presetPeriod } from '../../period/period.ts';

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** the report is about all kinds: it hides the kind choice */
  showKind?: boolean;
}

export function FilterBar({ filters, onChange, showKind = true }: Props) {
  const { t, term } = useDashboardI18n();
  const { points, now } = useDashboard();
  const [custom, setCustom] = useState(filters.period);
  const [invalid, setInvalid] = useState(false);
  const id = useId();

  function choose(preset: Preset) {
    if (preset === 'custom') {
      setCustom(filters.period);
      onChange({ ...filters, preset });
    } else {
      onChange({ ...filters, preset, period: presetPeriod(preset, localDate(now())) });
    }
  }

  function apply(event: Event) {
    event.preventDefault();
    const ok = isValidPeriod(custom);
    setInvalid(!ok);
    if (ok) onChange({ ...filters, period: custom });
  }

  return (
    <section class="filter-bar" aria-label={t('filters.label')}>
      <fieldset class="presets">
        <legend>{t('period.label')}</legend>
        <div class="row">
          {PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              class="button toggle"
              aria-pressed={filters.preset === preset}
              onClick={() => choose(preset)}
            >
              {t(`period.${preset}`)}
            </button>
          ))}
        </div>
      </fieldset>
      {filters.preset === 'custom' && (
        <form class="custom-period row" onSubmit={apply} noValidate>
          <label>
            {t('period.from')}
            <input
              type="date"
              value={custom.from}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-invalid` : undefined}
              onInput={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('period.to')}
            <input
              type="date"
              value={custom.to}
              aria-invalid={invalid}
              onInput={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
            />
          </label>
          <button type="submit" class="button button-primary">
            {t('period.apply')}
          </button>
          {invalid && (
            <p id={`${id}-invalid`} class="message message-problem" role="alert">
              {t('period.invalid')}
            </p>
          )}
        </form>
      )}
      <div class="row selects">
        <label>
          {t('filter.point')}
          <select value={filters.point ?? ''} onChange={(e) => onChange({ ...filters, point: e.currentTarget.value || null })}>
            <option value="">{t('filter.allPoints')}</option>
            {points.map((point) => (
              <option key={point.id} value={point.id}>
                {point.active ? point.name : t('filter.inactive', { name: point.name })}
              </option>
            ))}
          </select>
        </label>
        {showKind && (
          <label>
            {t('filter.kind')}
            <select
              value={filters.kind ?? ''}
              onChange={(e) => onChange({ ...filters, kind: (e.currentTarget.value || null) as Kind | null })}
            >
              <option value="">{t('filter.allKinds')}</option>
              {KINDS.map((kind) => (
                <option key={kind.code} value={kind.code}>
                  {term(KINDS, kind.code)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </section>
  );
}
