/**
 * Starts the city process (cityProcess.ts) on a fresh database and talks to
 * it: PGlite in a temporary DATA_DIR, or PostgreSQL in a schema of its own
 * (so a benchmark never touches the test suite's tables), dropped at stop.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { CityOptions, CityReply, CityRequest } from './cityProtocol.ts';

export type StoreKind = 'pglite' | 'postgres';

const CITY_PROCESS = fileURLToPath(new URL('./cityProcess.ts', import.meta.url));

/** Where the PostgreSQL benchmarks run; missing, they fail with the instruction (never a silent skip). */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'No PostgreSQL for the benchmark: set BENCH_DATABASE_URL (or TEST_DATABASE_URL; `. scripts/test-postgres.sh` starts the local PostgreSQL 15 and sets it).',
    );
  }
  return url;
}

export interface City {
  kind: StoreKind;
  origin: string;
  /** PostgreSQL: the application_name of the city's connections (its schema); null on PGlite */
  pgApplication: string | null;
  coordinator: { username: string; password: string };
  ask<T extends CityReply['type']>(request: CityRequest, expect: T): Promise<Extract<CityReply, { type: T }>>;
  /** The city's logged errors so far (pino lines at level error or above), to explain a failed run. */
  errors(): string[];
  /**
   * CPU time (user + system) the city process used so far, in ms (PostgreSQL's own processes are not in it),
   * and the time its event loop was busy, in ms.
   */
  cpu(): Promise<{ cpuMs: number; loopActiveMs: number }>;
  stop(): Promise<void>;
}

let cities = 0;

async function withPg<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A URL whose sessions use `schema` first (the migrations then create every table there), named after it in pg_stat_activity. */
function inSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  parsed.searchParams.set('application_name', schema);
  return parsed.toString();
}

export async function startCity(kind: StoreKind, extra: { staticDir?: string } = {}): Promise<City> {
  const workDir = mkdtempSync(join(tmpdir(), 'digibank-bench-city-'));
  const schema = `digibank_bench_${process.pid}_${++cities}`;
  const baseUrl = kind === 'postgres' ? benchDatabaseUrl() : undefined;
  if (baseUrl) await withPg(baseUrl, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`));
  const coordinator = { username: 'bench', password: randomBytes(12).toString('base64url') };
  const options: CityOptions = {
    databaseUrl: baseUrl ? inSchema(baseUrl, schema) : undefined,
    dataDir: join(workDir, 'data'),
    logFile: join(workDir, 'requests.log'),
    coordinator,
    ...extra,
  };
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_CITY: JSON.stringify(options) };
  delete env.NODE_ENV; // as `npm start` runs it, whatever runs the benchmark
  // BENCH_PROFILE_DIR: a V8 CPU profile of each city process, to see what limits a figure.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child: ChildProcess = fork(CITY_PROCESS, [], {
    execArgv: ['--import', 'tsx', ...profile],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  let nextId = 0;
  const waiting = new Map<number, { resolve: (reply: CityReply) => void; reject: (error: Error) => void }>();
  const ready = new Promise<Extract<CityReply, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the city process exited (${code}) before it listened`)));
    child.on('message', (reply: CityReply) => {
      if (reply.type === 'ready') return resolve(reply);
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.type === 'error') pending?.reject(new Error(`city process: ${reply.message}`));
      else pending?.resolve(reply);
    });
  });
  child.on('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`the city process exited (${code})`));
    waiting.clear();
  });
  const cleanUp = async () => {
    rmSync(workDir, { recursive: true, force: true });
    if (baseUrl) await withPg(baseUrl, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  };
  let started: Extract<CityReply, { type: 'ready' }>;
  try {
    started = await ready;
  } catch (error) {
    await cleanUp();
    throw error;
  }

  const ask: City['ask'] = (request, expect) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, {
        resolve: (reply) =>
          reply.type === expect ? resolve(reply as never) : reject(new Error(`expected ${expect}, got ${reply.type}`)),
        reject,
      });
      child.send({ ...request, id });
    });

  return {
    kind,
    origin: started.address,
    pgApplication: baseUrl ? schema : null,
    coordinator,
    ask,
    errors() {
      try {
        return readFileSync(options.logFile, 'utf8')
          .split('\n')
          .filter((line) => /"level":(5|6)\d/.test(line));
      } catch {
        return [];
      }
    },
    async cpu() {
      const usage = await ask({ type: 'cpu' }, 'cpu');
      return { cpuMs: usage.userMs + usage.systemMs, loopActiveMs: usage.loopActiveMs };
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await ask({ type: 'stop' }, 'stopped');
        await exited;
      }
      await cleanUp();
    },
  };
}
