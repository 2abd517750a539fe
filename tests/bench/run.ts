/**
 * npm run bench [-- --quick] [--only=drain,ingest,stats,tablet] [--out=DIR]
 *   [--stores=… --tablets=… --ingest-visits=… --runs=…]   (sizeOptions.ts)
 *
 * Runs the benchmarks one after another on this machine, prints a table with
 * the goals, and writes every figure (with the machine and its load) as JSON
 * to bench-results/ (git-ignored): bench-<mode>-<time>.json and latest-<mode>.json.
 * PostgreSQL comes from BENCH_DATABASE_URL or TEST_DATABASE_URL; each city
 * gets a schema of its own there, dropped afterwards.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type DrainFigures, drainBench } from './drain/drainBench.ts';
import { type IngestFigures, ingestBench } from './ingest/ingestBench.ts';
import { benchDatabaseUrl } from './lib/city.ts';
import { currentLoad, describeMachine } from './lib/machine.ts';
import { type Mode, SIZES } from './modes.ts';
import { type Figures, goals, table } from './report.ts';
import { withSizeOptions } from './sizeOptions.ts';
import { type StatsFigures, statsBench } from './stats/statsBench.ts';
import { assertChromium } from './tablet/browser.ts';
import { type TabletFigures, tabletBench } from './tablet/tabletBench.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECTIONS = ['drain', 'ingest', 'stats', 'tablet'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: string[]): { mode: Mode; only: Section[]; out: string } {
  const mode: Mode = argv.includes('--quick') ? 'quick' : 'full';
  const only = argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? [...SECTIONS];
  const unknown = only.filter((s) => !SECTIONS.includes(s as Section));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  const out = argv.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? join(ROOT, 'bench-results');
  return { mode, only: only as Section[], out };
}

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: benchDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  const { mode, only, out } = parseArgs(process.argv.slice(2));
  // Everything runs as in production: the city process inherits it, and Workbox's development checks stay out.
  process.env.NODE_ENV = 'production';
  const { sizes, changes } = withSizeOptions(SIZES[mode], process.argv.slice(2));
  // Figures at changed sizes never take the place of the ones the README quotes.
  const label = changes.length > 0 ? `${mode}-custom` : mode;
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  // Fail before minutes of work, not after.
  const usesPostgres = (['drain', 'ingest', 'stats'] as const).some(
    (section) => only.includes(section) && sizes[section].stores.includes('postgres'),
  );
  const versions = {
    postgres: usesPostgres ? await postgresVersion() : 'not used',
    pglite: packageVersion('@electric-sql/pglite'),
    chromium: 'not used',
  };
  if (only.includes('tablet') || only.includes('drain')) assertChromium();

  const machine = describeMachine();
  const figures: Figures = {};
  const startedAt = new Date();
  const sized = changes.length > 0 ? ` with ${changes.join(' ')}` : '';
  log(
    `benchmark, ${mode} mode${sized}${mode === 'full' && !sized ? '' : ' (not the sizes the README quotes)'}: ${only.join(', ')}`,
  );
  const run: Record<Section, () => Promise<void>> = {
    drain: async () => {
      figures.drain = (await drainBench(sizes.drain, log)) satisfies DrainFigures;
    },
    ingest: async () => {
      figures.ingest = (await ingestBench(sizes.ingest, log)) satisfies IngestFigures;
    },
    stats: async () => {
      figures.stats = (await statsBench(sizes.stats, log)) satisfies StatsFigures;
    },
    tablet: async () => {
      figures.tablet = (await tabletBench(sizes.tablet, log)) satisfies TabletFigures;
      versions.chromium = figures.tablet.chromium;
    },
  };
  for (const section of only) {
    machine.loadAverage[section] = currentLoad();
    await run[section]();
  }
  machine.loadAverage.end = currentLoad();

  const result = {
    mode,
    changes,
    sizes,
    startedAt: startedAt.toISOString(),
    seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    machine,
    versions,
    figures,
    goals: goals(figures),
  };
  mkdirSync(out, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(join(out, `bench-${label}-${stamp}.json`), json);
  writeFileSync(join(out, `latest-${label}.json`), json);

  const header = [
    `Digibank check-in benchmark, ${mode} mode${sized}, ${result.seconds} s, commit ${machine.commit}${machine.dirty ? ' (with local changes)' : ''}`,
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${versions.postgres}, PGlite ${versions.pglite}`,
    `load average (1 min) at each section: ${Object.entries(machine.loadAverage)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
  ];
  process.stdout.write(`${[...header, ...table(figures)].join('\n')}\n\nresults: ${join(out, `latest-${label}.json`)}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`benchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
