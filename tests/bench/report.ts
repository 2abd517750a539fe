/**
 * The printed table and the goals, from the figures of one run. Nothing here
 * measures; a goal missed is printed as missed with the real figure.
 */
import type { DrainFigures } from './drain/drainBench.ts';
import type { IngestCell, IngestFigures } from './ingest/ingestBench.ts';
import { median, formatNumber as n, showSpread } from './lib/summary.ts';
import type { StatsFigures } from './stats/statsBench.ts';
import type { TabletFigures } from './tablet/tabletBench.ts';

export interface Figures {
  drain?: DrainFigures;
  ingest?: IngestFigures;
  stats?: StatsFigures;
  tablet?: TabletFigures;
}

export interface Goal {
  name: string;
  met: boolean;
  figure: string;
}

const KB = 1024;
const ms = (value: Parameters<typeof showSpread>[0]) => showSpread(value, 0, ' ms');
const kb = (bytes: number) => `${n(bytes / KB, 1)} KB`;

function drainLines(drain: DrainFigures): string[] {
  const lines = ['Sync drain (tablet → city over loopback; engine vs Workbox Background Sync replay)'];
  for (const c of drain.conditions) {
    const note = c.baseline.extrapolated
      ? ` [baseline measured on ${c.baseline.sampleVisits} visits, extrapolated linearly to ${c.visits}]`
      : '';
    lines.push(
      `  ${c.store}, +${c.latencyMs} ms/request, ${c.visits.toLocaleString('en-GB')} visits${note}`,
      `    engine:   ${ms(c.engine.ms)}, ${c.engine.requests} requests, ${kb(c.engine.bytes)} sent`,
      `    baseline: ${ms(c.baseline.ms)}, ${c.baseline.requests.toLocaleString('en-GB')} requests, ${kb(c.baseline.bytes)} sent`,
      `    engine is ${showSpread(c.speedup, 1, '×')} faster`,
      `    ${drainCpu(c.engine.runs)}`,
    );
  }
  return lines;
}

/** Who worked during the engine's drains (medians): the tablet and the city share the machine's cores. */
function drainCpu(runs: DrainFigures['conditions'][number]['engine']['runs']): string {
  const perVisit = (pick: (run: (typeof runs)[number]) => number) =>
    `${n(median(runs.map((run) => (pick(run) * 1000) / run.visitsSent)), 0)} µs/visit`;
  const tablet = runs.every((run) => run.cpu.tabletMs !== null) ? `Chromium ${perVisit((run) => run.cpu.tabletMs ?? 0)}, ` : '';
  const busy = n(median(runs.map((run) => run.cpu.machineBusy * 100)), 0);
  return `engine CPU: ${tablet}city ${perVisit((run) => run.cpu.cityMs)}; machine ${busy} % busy`;
}

function ingestLines(ingest: IngestFigures): string[] {
  const lines = [
    'Server ingest (load generator in this process, city in its own; gzip bodies; medians of runs: CPU per visit,',
    "the share of the time the city's event loop was busy, and the fold still due after the last answer)",
  ];
  lines.push(
    '  store     tablets  visits/req   visits/s                    p50                  p99                  loop   fold after  CPU/visit',
  );
  for (const c of ingest.cells) {
    const perVisit = (pick: (run: IngestCell['runs'][number]) => number | null | undefined) => {
      const values = c.runs.map((run) => pick(run)).filter((v): v is number => typeof v === 'number');
      return values.length === c.runs.length ? `${n(median(values), 0)} µs` : '–';
    };
    const city = perVisit((run) => (run.cpu.cityMs * 1000) / run.visits);
    const database = perVisit((run) => (run.waits?.backendCpuMs == null ? null : (run.waits.backendCpuMs * 1000) / run.visits));
    const loop = `${n(median(c.runs.map((run) => run.cpu.cityLoopBusy * 100)), 0)} %`;
    const foldAfter = `${n(median(c.runs.map((run) => run.foldMs)), 0)} ms`;
    lines.push(
      `  ${c.store.padEnd(9)} ${String(c.tablets).padStart(7)}  ${String(c.visitsPerRequest).padStart(10)}   ${showSpread(c.visitsPerSecond, 0).padEnd(26)}  ${ms(c.p50Ms).padEnd(19)}  ${ms(c.p99Ms).padEnd(19)}  ${loop.padStart(5)}  ${foldAfter.padStart(10)}  city ${city}${c.store === 'postgres' ? `, PostgreSQL ${database}` : ''}`,
    );
  }
  return lines;
}

function statsLines(stats: StatsFigures): string[] {
  const lines = [`Statistics for ${stats.from} … ${stats.to}, all points`];
  for (const s of stats.stores) {
    for (const step of s.steps) {
      lines.push(
        `  ${s.store.padEnd(9)} ${step.visits.toLocaleString('en-GB').padStart(9)} visits: HTTP ${ms(step.httpMs)}; SQL roll-ups ${ms(step.rollupSqlMs)}; row-by-row baseline ${ms(step.naiveSqlMs)}`,
      );
    }
    lines.push(
      `  ${s.store.padEnd(9)} largest ÷ smallest: HTTP ${n(s.growth, 2)}×, roll-up SQL ${n(s.rollupSqlGrowth, 2)}×, row-by-row ${n(s.naiveGrowth, 2)}×`,
    );
  }
  return lines;
}

function tabletLines(tablet: TabletFigures): string[] {
  const f = tablet.firstLoad;
  const s = tablet.saves;
  return [
    `Tablet in ${tablet.chromium}`,
    `  first load JS (gzip): index.html's scripts ${kb(f.critical.gzip)} (${f.critical.files.length} files); all JS the page fetched ${kb(f.page.gzip)} (${f.page.files.length} files); sw.js ${kb(f.serviceWorker.gzip)}`,
    `  precache: ${f.precache.entries} entries, ${kb(f.precache.bytes)} (${kb(f.precache.gzip)} gzip); the city sends ${kb(f.precache.sent)}`,
    `  offline start to interactive: ${ms(tablet.offlineStart.unthrottledMs)}; with ${tablet.offlineStart.throttle}× CPU throttling ${ms(tablet.offlineStart.throttledMs)}`,
    ...[1, tablet.offlineStart.throttle].map((throttle) => {
      const runs = tablet.offlineStart.runs.filter((run) => run.throttle === throttle);
      const at = (pick: (run: (typeof runs)[number]) => number) => `${n(median(runs.map(pick)), 0)} ms`;
      return `    ${throttle}×: document from the worker ${at((r) => r.documentMs)}, scripts ran ${at((r) => r.scriptsMs)}, first render ${at((r) => r.firstRenderMs)}, home shown ${at((r) => r.shownMs)}, interactive ${at((r) => r.interactiveMs)} (long tasks ${at((r) => r.longTasksMs)})`;
    }),
    `  save one visit (${s.count} saves): strict p50 ${showSpread(s.strict.p50Ms, 2, ' ms')}, p95 ${showSpread(s.strict.p95Ms, 2, ' ms')}; relaxed p50 ${showSpread(s.relaxed.p50Ms, 2, ' ms')}, p95 ${showSpread(s.relaxed.p95Ms, 2, ' ms')}`,
  ];
}

export function goals(figures: Figures): Goal[] {
  const list: Goal[] = [];
  for (const c of figures.drain?.conditions ?? []) {
    list.push({
      name: `sync drain ≥ 50× faster (${c.store}, +${c.latencyMs} ms)`,
      met: c.speedup.median >= 50,
      figure: `${n(c.speedup.median, 1)}×`,
    });
  }
  const at50 = (store: string) =>
    figures.ingest?.cells.find((c) => c.store === store && c.tablets === 50 && c.visitsPerRequest > 1);
  const pg = at50('postgres');
  if (pg) {
    list.push({
      name: 'PostgreSQL, 50 tablets: ≥ 25,000 visits/s, p99 < 250 ms',
      met: pg.visitsPerSecond.median >= 25_000 && pg.p99Ms.median < 250,
      figure: `${n(pg.visitsPerSecond.median, 0)} visits/s, p99 ${n(pg.p99Ms.median, 0)} ms`,
    });
  }
  const lite = at50('pglite');
  if (lite) {
    list.push({
      name: 'PGlite, 50 tablets: ≥ 10,000 visits/s',
      met: lite.visitsPerSecond.median >= 10_000,
      figure: `${n(lite.visitsPerSecond.median, 0)} visits/s`,
    });
  }
  for (const s of figures.stats?.stores ?? []) {
    const first = s.steps[0]?.visits ?? 0;
    const last = s.steps.at(-1)?.visits ?? 0;
    list.push({
      name: `statistics on ${s.store}: ${last.toLocaleString('en-GB')} visits cost ≤ 3× ${first.toLocaleString('en-GB')}`,
      met: s.growth <= 3,
      figure: `${n(s.growth, 2)}×`,
    });
  }
  if (figures.tablet) {
    const t = figures.tablet;
    list.push({
      name: 'first load ≤ 60 KB gzip (index.html scripts)',
      met: t.firstLoad.critical.gzip <= 60 * KB,
      figure: kb(t.firstLoad.critical.gzip),
    });
    list.push({
      name: `offline start to interactive < 1 s with ${t.offlineStart.throttle}× throttling`,
      met: t.offlineStart.throttledMs.median < 1000,
      figure: `${n(t.offlineStart.throttledMs.median, 0)} ms`,
    });
  }
  return list;
}

export function table(figures: Figures): string[] {
  const lines: string[] = [];
  if (figures.drain) lines.push(...drainLines(figures.drain), '');
  if (figures.ingest) lines.push(...ingestLines(figures.ingest), '');
  if (figures.stats) lines.push(...statsLines(figures.stats), '');
  if (figures.tablet) lines.push(...tabletLines(figures.tablet), '');
  lines.push('Goals (medians)');
  for (const goal of goals(figures)) lines.push(`  ${goal.met ? 'met   ' : 'MISSED'}  ${goal.name}: ${goal.figure}`);
  return lines;
}
