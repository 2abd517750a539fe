/**
 * The big numbers of a period, each with its change against the previous
 * period of equal length: an arrow and a percentage to the eye, the whole
 * sentence ("12 % more than the previous period (1,100)") to a screen reader.
 */
import type { Totals } from '../../api/types.ts';
import { useDashboardI18n } from '../../i18n/i18n.tsx';
import { percentChange } from '../../period/period.ts';

export const FIGURES = ['visits', 'people', 'questions', 'deviceSessions', 'firstVisits', 'barriers'] as const;

interface Props {
  current: Totals;
  previous: Totals | null;
}

export function Figures({ current, previous }: Props) {
  const { t } = useDashboardI18n();
  return (
    <ul class="figures" aria-label={t('figures.label')}>
      {FIGURES.map((name) => (
        <li key={name} class="figure">
          <Figure label={t(`figure.${name}`)} value={current[name]} previous={previous ? previous[name] : null} />
        </li>
      ))}
    </ul>
  );
}

function Figure({ label, value, previous }: { label: string; value: number; previous: number | null }) {
  const { t, number, percent } = useDashboardI18n();
  // Nothing then and nothing now is not worth a sentence under every figure.
  const compared = previous !== null && (previous > 0 || value > 0) ? previous : null;
  const change = compared === null ? null : percentChange(value, compared);
  const sentence =
    compared === null
      ? ''
      : change === null
        ? t('change.none')
        : change > 0
          ? t('change.up', { percent: number(change), previous: number(compared) })
          : change < 0
            ? t('change.down', { percent: number(-change), previous: number(compared) })
            : t('change.same', { previous: number(compared) });
  const direction = change === null ? 'none' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return (
    <>
      <span class="figure-label">{label}</span>
      <span class="figure-value">{number(value)}</span>
      {compared !== null && change === null && <span class="figure-change">{sentence}</span>}
      {compared !== null && change !== null && (
        <span class={`figure-change change-${direction}`}>
          <span aria-hidden="true">
            {direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : ''}
            {percent(Math.abs(change) / 100)}
            <span class="figure-previous"> ({number(compared)})</span>
          </span>
          <span class="visually-hidden">{sentence}</span>
        </span>
      )}
    </>
  );
}
