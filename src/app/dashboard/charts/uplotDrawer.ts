/**
 * Draws a ChartSpec with uPlot: ranked categories as horizontal bars with
 * their value at the bar's end, and counts over time as columns. Redraws at
 * the container's width when it changes (a laptop window, a tablet turned).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DashboardI18n } from '../i18n/i18n.tsx';
import type { ChartDrawer, ChartSpec } from './drawer.ts';

const BRAND = '#0a4a8f';
const INK = '#1b1b1b';
const GRID = '#d9dde3';
const FONT = '14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const BAR_ROW_PX = 30;

/** A local date at midday as uPlot's seconds. */
const seconds = (date: string): number => new Date(`${date}T12:00:00`).getTime() / 1000;

/** Widths of label texts in CSS pixels, measured in the axis font. */
function measure(texts: readonly string[]): number[] {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return texts.map((text) => text.length * 8);
  context.font = FONT;
  return texts.map((text) => context.measureText(text).width);
}

/** Cuts a label to `max` pixels with an ellipsis; the table beside the chart has it whole. */
function fitted(label: string, width: number, max: number): string {
  if (width <= max) return label;
  const keep = Math.max(4, Math.floor((label.length * max) / width) - 1);
  return `${label.slice(0, keep)}…`;
}

function barOptions(spec: Extract<ChartSpec, { type: 'bars' }>, width: number, i18n: DashboardI18n): uPlot.Options {
  const widths = measure(spec.rows.map((row) => row.label));
  const maxLabel = Math.round(width * 0.45);
  const labelWidth = Math.min(maxLabel, Math.ceil(Math.max(...widths, 24)) + 14);
  const labels = spec.rows.map((row, i) => fitted(row.label, widths[i] ?? 0, labelWidth - 14));
  const max = Math.max(...spec.rows.map((row) => row.value), 1);
  return {
    width,
    height: spec.rows.length * BAR_ROW_PX + 44,
    legend: { show: false },
    cursor: { show: false },
    padding: [8, 48, 0, 0],
    scales: {
      // Vertical category axis, first row (the largest) on top.
      x: { time: false, ori: 1, dir: -1, range: [-0.5, spec.rows.length - 0.5] },
      y: { ori: 0, range: [0, max * 1.08] },
    },
    axes: [
      {
        scale: 'x',
        side: 3,
        size: labelWidth,
        font: FONT,
        stroke: INK,
        grid: { show: false },
        ticks: { show: false },
        splits: () => spec.rows.map((_, i) => i),
        values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
      },
      {
        scale: 'y',
        side: 2,
        font: FONT,
        stroke: INK,
        grid: { stroke: GRID, width: 1 },
        values: (_u, splits) => splits.map((value) => (Number.isInteger(value) ? i18n.number(value) : '')),
      },
    ],
    series: [
      {},
      {
        fill: BRAND,
        stroke: BRAND,
        points: { show: false },
        paths: uPlot.paths.bars?.({ size: [0.7, 26] }),
      },
    ],
    hooks: {
      draw: [
        (u) => {
          // The canvas is in device pixels: the font and the gap scale with it.
          const { ctx } = u;
          const ratio = uPlot.pxRatio;
          ctx.save();
          ctx.font = `bold ${Math.round(14 * ratio)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
          ctx.fillStyle = INK;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          spec.rows.forEach((row, i) => {
            const x = u.valToPos(row.value, 'y', true) + 6 * ratio;
            const y = u.valToPos(i, 'x', true);
            ctx.fillText(i18n.number(row.value), x, y);
          });
          ctx.restore();
        },
      ],
    },
  };
}

function timeOptions(spec: Extract<ChartSpec, { type: 'time' }>, width: number, i18n: DashboardI18n): uPlot.Options {
  const pattern = spec.bucket === 'month' ? 'MMM yyyy' : 'd MMM';
  return {
    width,
    height: 260,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, 1) * 1.1] } },
    axes: [
      {
        font: FONT,
        stroke: INK,
        grid: { show: false },
        // Room for "27 aug." or "sept. 2026" between ticks.
        space: 80,
        values: (_u, splits) => splits.map((s) => i18n.formatDate(s * 1000, pattern)),
      },
      {
        font: FONT,
        stroke: INK,
        size: 56,
        grid: { stroke: GRID, width: 1 },
        values: (_u, splits) => splits.map((value) => (Number.isInteger(value) ? i18n.number(value) : '')),
      },
    ],
    series: [{}, { fill: BRAND, stroke: BRAND, points: { show: false }, paths: uPlot.paths.bars?.({ size: [0.8, 40] }) }],
  };
}

export const uplotDrawer: ChartDrawer = (container, spec, i18n) => {
  const optionsAt = (width: number) => (spec.type === 'bars' ? barOptions(spec, width, i18n) : timeOptions(spec, width, i18n));
  const data: uPlot.AlignedData =
    spec.type === 'bars'
      ? [spec.rows.map((_, i) => i), spec.rows.map((row) => row.value)]
      : [spec.dates.map(seconds), [...spec.values]];
  const widthOf = () => Math.max(240, Math.floor(container.clientWidth));
  let width = widthOf();
  let plot = new uPlot(optionsAt(width), data, container);
  const observer = new ResizeObserver(() => {
    const next = widthOf();
    if (next === width) return;
    width = next;
    plot.destroy();
    plot = new uPlot(optionsAt(width), data, container);
  });
  observer.observe(container);
  return {
    destroy() {
      observer.disconnect();
      plot.destroy();
    },
  };
};
