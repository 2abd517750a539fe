/**
 * The benchmarks still run and still produce every figure the README quotes:
 * `npm run bench -- --quick` (the same code as the full run, on smaller
 * sizes, under 2 minutes), as its own process. No figure is compared with a
 * threshold here: the benchmark reports, it does not judge.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrainFigures } from './drain/drainBench.ts';
import type { IngestFigures } from './ingest/ingestBench.ts';
import type { Spread } from './lib/summary.ts';
import type { BenchSizes } from './modes.ts';
import type { Goal } from './report.ts';
import type { StatsFigures } from './stats/statsBench.ts';
import type { TabletFigures } from './tablet/tabletBench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'digibank-bench-quick-'));

interface Result {
  mode: string;
  sizes: BenchSizes;
  machine: { cores: number; loadAverage: Record<string, number> };
  figures: { drain: DrainFigures; ingest: IngestFigures; stats: StatsFigures; tablet: TabletFigures };
  goals: Goal[];
}

let printed = '';
let result: Result;

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/run.ts', '--quick', `--out=${out}`],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  printed = stdout;
  result = JSON.parse(readFileSync(join(out, 'latest-quick.json'), 'utf8')) as Result;
}, 900_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const measured = (value: number) => Number.isFinite(value) && value > 0;
const measuredSpread = (value: Spread) => measured(value.median) && value.runs.length > 0 && value.runs.every(measured);

describe('npm run bench -- --quick', () => {
  it('drains a tablet both ways, on the bare loopback and behind the delaying proxy', () => {
    const { drain } = result.figures;
    expect(drain.conditions.map((c) => `${c.store}+${c.latencyMs}`)).toEqual([
      'pglite+0',
      `pglite+${result.sizes.drain.latencyMs}`,
      'postgres+0',
    ]);
    for (const c of drain.conditions) {
      expect(measuredSpread(c.engine.ms) && measuredSpread(c.baseline.ms) && measuredSpread(c.speedup)).toBe(true);
      // The engine batches (≤ 500 visits a request); the replay sends one request per visit.
      expect(c.engine.requests).toBeLessThanOrEqual(Math.ceil(c.visits / 500) + 1);
      expect(c.baseline.requests).toBe(c.visits);
      expect(c.baseline.runs.every((run) => run.requests === c.baseline.sampleVisits)).toBe(true);
    }
    expect(drain.conditions[1]?.baseline.extrapolated).toBe(true);
  });

  it('measures ingest for 1, 10 and 50 tablets, batched and one visit per request, on both stores', () => {
    const cells = result.figures.ingest.cells.map((c) => `${c.store}/${c.tablets}/${c.visitsPerRequest}`);
    expect(cells).toEqual(
      ['pglite', 'postgres'].flatMap((store) =>
        [1, 10, 50].flatMap((tablets) => [100, 1].map((v) => `${store}/${tablets}/${v}`)),
      ),
    );
    for (const cell of result.figures.ingest.cells) {
      expect(measuredSpread(cell.visitsPerSecond) && measuredSpread(cell.p50Ms) && measuredSpread(cell.p99Ms)).toBe(true);
      // What limits a figure: the city's CPU and event loop, and on PostgreSQL what its connections waited for.
      for (const run of cell.runs) {
        expect(measured(run.cpu.cityMs) && measured(run.cpu.cityLoopBusy)).toBe(true);
        // Sampled every 50 ms: a short run may catch no connection at work, but the sampler must have run.
        if (cell.store === 'postgres') expect(run.waits?.samples).toBeGreaterThan(0);
      }
    }
  });

  it('times the year statistics at every size on both stores, against the row-by-row baseline', () => {
    const { stores } = result.figures.stats;
    expect(stores.map((s) => s.store)).toEqual(['pglite', 'postgres']);
    for (const store of stores) {
      expect(store.steps.map((s) => s.visits)).toEqual(result.sizes.stats.visits);
      for (const step of store.steps) {
        expect(measuredSpread(step.httpMs) && measuredSpread(step.rollupSqlMs) && measuredSpread(step.naiveSqlMs)).toBe(true);
      }
      expect(measured(store.growth) && measured(store.naiveGrowth)).toBe(true);
    }
  });

  it('weighs the first load and the precache, times offline starts and saves in Chromium', () => {
    const { firstLoad, offlineStart, saves } = result.figures.tablet;
    expect(firstLoad.critical.files.length).toBeGreaterThan(0);
    expect(firstLoad.page.gzip).toBeGreaterThanOrEqual(firstLoad.critical.gzip);
    expect(measured(firstLoad.critical.gzip) && measured(firstLoad.serviceWorker.gzip)).toBe(true);
    expect(firstLoad.precache.entries).toBeGreaterThan(firstLoad.critical.files.length);
    // The city sends the build's compressed copies: fewer bytes than the files themselves.
    expect(firstLoad.precache.sent).toBeGreaterThan(0);
    expect(firstLoad.precache.sent).toBeLessThan(firstLoad.precache.bytes);
    expect(measuredSpread(offlineStart.unthrottledMs) && measuredSpread(offlineStart.throttledMs)).toBe(true);
    expect(offlineStart.throttle).toBe(4);
    for (const durability of [saves.strict, saves.relaxed]) {
      expect(measuredSpread(durability.p50Ms) && measuredSpread(durability.p95Ms)).toBe(true);
    }
  });

  it('prints the table with every goal and stores the machine it ran on', () => {
    expect(result.mode).toBe('quick');
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(Object.keys(result.machine.loadAverage)).toEqual(['drain', 'ingest', 'stats', 'tablet', 'end']);
    expect(result.goals).toHaveLength(9);
    for (const goal of result.goals) expect(printed).toContain(goal.name);
  });
});
