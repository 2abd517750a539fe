/**
 * Arrivals by weekday (rows) and hour (columns) as a table whose cells are
 * shaded by count: the numbers are in every cell, so it reads the same to a
 * screen reader, a keyboard and an eye. Below it, the busiest half-days.
 */
import { useId } from 'preact/hooks';
import { useDashboardI18n } from '../i18n/i18n.tsx';
import { TableScroll } from './TableScroll.tsx';

export interface HeatCell {
  weekday: number;
  hour: number;
  count: number;
}

/** The hours any arrival fell in, widened to a readable day (9–17 at least). */
export function heatmapHours(cells: readonly HeatCell[]): number[] {
  const hours = cells.map((cell) => cell.hour);
  const first = Math.min(9, ...hours);
  const last = Math.max(17, ...hours);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export type HalfDay = 'morning' | 'afternoon' | 'evening';
export const halfDayOf = (hour: number): HalfDay => (hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening');

/** The `limit` half-days (weekday × morning/afternoon/evening) with the most arrivals. */
export function busiestHalfDays(cells: readonly HeatCell[], limit = 5): { weekday: number; half: HalfDay; count: number }[] {
  const sums = new Map<string, { weekday: number; half: HalfDay; count: number }>();
  for (const cell of cells) {
    const half = halfDayOf(cell.hour);
    const key = `${cell.weekday}${half}`;
    const entry = sums.get(key) ?? { weekday: cell.weekday, half, count: 0 };
    entry.count += cell.count;
    sums.set(key, entry);
  }
  return [...sums.values()].sort((a, b) => b.count - a.count || a.weekday - b.weekday).slice(0, limit);
}

// Five steps from the page's light blue to its brand blue; the last two carry white text (contrast ≥ 4.5:1).
const SHADES = ['#ffffff', '#e4eef9', '#b9d3ef', '#6f9fd6', '#2f6bb0', '#0a4a8f'];

function shadeOf(count: number, max: number): { background: string; color: string } {
  if (count === 0 || max === 0) return { background: SHADES[0] ?? '#fff', color: '#4a4a4a' };
  const step = Math.min(5, Math.ceil((count / max) * 5));
  return { background: SHADES[step] ?? '#0a4a8f', color: step >= 4 ? '#ffffff' : '#1b1b1b' };
}

export function Heatmap({ cells }: { cells: readonly HeatCell[] }) {
  const i18n = useDashboardI18n();
  const { t, number } = i18n;
  const titleId = useId();
  const hours = heatmapHours(cells);
  const counts = new Map(cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell.count]));
  const max = Math.max(0, ...cells.map((cell) => cell.count));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((day) => day <= 5 || cells.some((cell) => cell.weekday === day));
  const busiest = busiestHalfDays(cells);
  return (
    <section class="card heatmap-card" aria-labelledby={titleId}>
      <div class="card-head">
        <h3 id={titleId}>{t('chart.heatmap')}</h3>
      </div>
      {cells.length === 0 ? (
        <p class="empty">{t('chart.empty')}</p>
      ) : (
        <>
          <p class="hint">{t('chart.heatmapHint')}</p>
          <TableScroll title={t('chart.heatmap')}>
            <table class="heatmap">
              <caption class="visually-hidden">{t('chart.heatmap')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('chart.weekday')}</th>
                  {hours.map((hour) => (
                    <th scope="col" key={hour}>
                      {t('chart.hour', { hour })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weekdays.map((day) => (
                  <tr key={day}>
                    <th scope="row">
                      <span aria-hidden="true">{i18n.weekday(day, 'short')}</span>
                      <span class="visually-hidden">{i18n.weekday(day)}</span>
                    </th>
                    {hours.map((hour) => {
                      const count = counts.get(`${day}:${hour}`) ?? 0;
                      return (
                        <td key={hour} style={shadeOf(count, max)}>
                          {count > 0 ? number(count) : <span class="visually-hidden">0</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <h4>{t('chart.busiest')}</h4>
          <ol class="busiest">
            {busiest.map((entry) => (
              <li key={`${entry.weekday}${entry.half}`}>
                {t(`chart.${entry.half}`, { day: i18n.weekday(entry.weekday) })}:{' '}
                {t('chart.arrivals', { count: number(entry.count) })}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
