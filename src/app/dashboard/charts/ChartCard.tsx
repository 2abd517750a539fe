/**
 * One chart with its numbers: the drawing is hidden from screen readers and
 * the same figures are always in a table, visually hidden until the
 * coordinator presses "Show as table".
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useDashboardI18n } from '../i18n/i18n.tsx';
import { type ChartSpec, useChartDrawer } from './drawer.ts';
import { TableScroll } from './TableScroll.tsx';

export interface TableRow {
  label: string;
  value: number;
}

interface Props {
  title: string;
  /** header of the label column */
  labelHeader: string;
  /** header of the value column (default "Count") */
  valueHeader?: string;
  rows: readonly TableRow[];
  spec: ChartSpec;
  /** adds a share column and a total row; leave out where a sum means nothing */
  total?: number | null;
  note?: string;
  /** more columns for the table, one cell per row */
  extra?: readonly { header: string; cells: readonly string[] }[];
  /** text when there are no rows (default "No data in this period.") */
  empty?: string;
  children?: ComponentChildren;
}

export function ChartCard({
  title,
  labelHeader,
  valueHeader,
  rows,
  spec,
  total = null,
  note,
  extra = [],
  empty,
  children,
}: Props) {
  const { t, number, percent } = useDashboardI18n();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <section class="card chart-card" aria-labelledby={titleId}>
      <div class="card-head">
        <h3 id={titleId}>{title}</h3>
        {rows.length > 0 && (
          <button
            type="button"
            class="button button-quiet button-small"
            aria-pressed={asTable}
            onClick={() => setAsTable(!asTable)}
          >
            {t('chart.showTable')}
          </button>
        )}
      </div>
      {note && <p class="hint">{note}</p>}
      {rows.length === 0 ? (
        <p class="empty">{empty ?? t('chart.empty')}</p>
      ) : (
        <>
          {!asTable && <ChartCanvas spec={spec} />}
          <TableScroll title={title} shown={asTable}>
            <table class="data-table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col" class="num">
                    {valueHeader ?? t('chart.count')}
                  </th>
                  {total !== null && (
                    <th scope="col" class="num">
                      {t('chart.share')}
                    </th>
                  )}
                  {extra.map((column) => (
                    <th scope="col" key={column.header}>
                      {column.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td class="num">{number(row.value)}</td>
                    {total !== null && <td class="num">{total > 0 ? percent(row.value / total) : '–'}</td>}
                    {extra.map((column) => (
                      <td key={column.header}>{column.cells[i]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {total !== null && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('chart.total')}</th>
                    <td class="num">{number(total)}</td>
                    <td class="num">{percent(1)}</td>
                    {extra.map((column) => (
                      <td key={column.header} />
                    ))}
                  </tr>
                </tfoot>
              )}
            </table>
          </TableScroll>
        </>
      )}
      {children}
    </section>
  );
}

function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const draw = useChartDrawer();
  const i18n = useDashboardI18n();
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!draw || !container.current) return;
    const chart = draw(container.current, spec, i18n);
    return () => chart.destroy();
  }, [draw, spec, i18n]);
  return draw ? <div class="chart" ref={container} aria-hidden="true" /> : null;
}
