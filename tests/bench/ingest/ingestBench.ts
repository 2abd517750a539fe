/**
 * Server ingest: visits per second and request latency (p50/p99) with 1, 10
 * and 50 tablets pushing at once, in 100-visit batches and, as the baseline,
 * one visit per request; on PGlite and on PostgreSQL. The city runs in its
 * own process; the load generator in this one. Every visit must come back
 * `applied`, or the run fails. A run ends when the last visit is counted in
 * the statistics: the roll-up fold still due after the last answer is timed
 * with it.
 */
import { queuedVisits } from '../drain/tablets.ts';
import { benchDatabaseUrl, type City, type StoreKind, startCity } from '../lib/city.ts';
import { addDemoPoints, pairTablet, signIn } from '../lib/cityApi.ts';
import { type CpuShare, cpuMeter } from '../lib/cpu.ts';
import { sampleWaits, type WaitProfile } from '../lib/pgWaits.ts';
import { percentile, type Spread, spread } from '../lib/summary.ts';
import { type PreparedTablet, prepareTablet, runLoad } from './loadGenerator.ts';

export interface IngestSizes {
  runs: number;
  stores: StoreKind[];
  concurrency: number[];
  batchVisits: number;
  /** visits each batched cell sends in all (at least `minRequestsPerTablet` requests per tablet) */
  batchedVisitsPerCell: number;
  /** requests each one-visit-per-request cell sends in all */
  singleRequestsPerCell: number;
  minRequestsPerTablet: number;
}

export interface IngestRun {
  /** visits ÷ the time from the first request until the last visit is counted in the statistics */
  visitsPerSecond: number;
  /** folding what the roll-up queue still held when the last answer came (part of wallMs) */
  foldMs: number;
  p50Ms: number;
  p99Ms: number;
  visits: number;
  requests: number;
  wallMs: number;
  cpu: CpuShare;
  /** PostgreSQL only: what the city's connections were doing */
  waits: WaitProfile | null;
}

export interface IngestCell {
  store: StoreKind;
  tablets: number;
  visitsPerRequest: number;
  visitsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  runs: IngestRun[];
}

export interface IngestFigures {
  cells: IngestCell[];
}

const POOL_SIZE = 5_000;
const WARM_UP_REQUESTS = 2;

function requestsPerTablet(sizes: IngestSizes, tablets: number, visitsPerRequest: number): number {
  const total = visitsPerRequest === 1 ? sizes.singleRequestsPerCell : sizes.batchedVisitsPerCell / visitsPerRequest;
  return Math.max(sizes.minRequestsPerTablet, Math.ceil(total / tablets));
}

const waitSampler = (city: City) =>
  city.pgApplication ? sampleWaits(benchDatabaseUrl(), city.pgApplication) : Promise.resolve(null);

async function storeCells(kind: StoreKind, sizes: IngestSizes, log: (line: string) => void): Promise<IngestCell[]> {
  const city = await startCity(kind);
  try {
    const coordinator = await signIn(city);
    await addDemoPoints(coordinator);
    const most = Math.max(...sizes.concurrency);
    const tokens: string[] = [];
    for (let i = 0; i < most; i++) tokens.push((await pairTablet(coordinator, `Load tablet ${i + 1}`)).token);
    const pool = queuedVisits(31, POOL_SIZE);
    const cells: IngestCell[] = [];
    for (const tablets of sizes.concurrency) {
      for (const visitsPerRequest of [sizes.batchVisits, 1]) {
        log(`ingest on ${kind}: ${tablets} tablet(s), ${visitsPerRequest} visit(s) per request`);
        // Warm-up at this concurrency, not measured: the city compiles its code paths and opens its
        // database connections, as it has long done when a real rush of this size starts.
        await runLoad(
          city.origin,
          tokens.slice(0, tablets).map((token) => prepareTablet(token, pool, WARM_UP_REQUESTS, visitsPerRequest)),
        );
        await city.ask({ type: 'fold' }, 'folded');
        const runs: IngestRun[] = [];
        for (let run = 0; run < sizes.runs; run++) {
          const perTablet = requestsPerTablet(sizes, tablets, visitsPerRequest);
          const prepared: PreparedTablet[] = tokens
            .slice(0, tablets)
            .map((token) => prepareTablet(token, pool, perTablet, visitsPerRequest));
          const meter = await cpuMeter(city);
          const waits = await waitSampler(city);
          const result = await runLoad(city.origin, prepared);
          // Done means counted: what the background fold has not reached yet is folded on the clock.
          const fold = await city.ask({ type: 'fold' }, 'folded');
          const wallMs = result.wallMs + fold.ms;
          const cpu = await meter();
          const waitProfile = waits ? await waits() : null;
          if (result.notApplied > 0) throw new Error(`ingest on ${kind}: ${result.notApplied} visits were not applied`);
          runs.push({
            visitsPerSecond: result.visits / (wallMs / 1000),
            foldMs: fold.ms,
            p50Ms: percentile(result.latenciesMs, 0.5),
            p99Ms: percentile(result.latenciesMs, 0.99),
            visits: result.visits,
            requests: result.requests,
            wallMs,
            cpu,
            waits: waitProfile,
          });
        }
        cells.push({
          store: kind,
          tablets,
          visitsPerRequest,
          visitsPerSecond: spread(runs.map((r) => r.visitsPerSecond)),
          p50Ms: spread(runs.map((r) => r.p50Ms)),
          p99Ms: spread(runs.map((r) => r.p99Ms)),
          runs,
        });
      }
    }
    return cells;
  } finally {
    await city.stop();
  }
}

export async function ingestBench(sizes: IngestSizes, log: (line: string) => void): Promise<IngestFigures> {
  const cells: IngestCell[] = [];
  for (const kind of sizes.stores) cells.push(...(await storeCells(kind, sizes, log)));
  return { cells };
}
