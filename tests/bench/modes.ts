/**
 * How big each benchmark runs. `full` is what the README quotes; `quick`
 * (under 2 minutes, and the check in `npm test` that every figure is still
 * produced) runs the same code on smaller sizes, and the output says which
 * mode made it.
 */
import type { DrainSizes } from './drain/drainBench.ts';
import type { IngestSizes } from './ingest/ingestBench.ts';
import type { StatsSizes } from './stats/statsBench.ts';
import type { TabletSizes } from './tablet/tabletBench.ts';

export type Mode = 'full' | 'quick';

export interface BenchSizes {
  drain: DrainSizes;
  ingest: IngestSizes;
  stats: StatsSizes;
  tablet: TabletSizes;
}

const STORES = ['pglite', 'postgres'] as const;

export const SIZES: Record<Mode, BenchSizes> = {
  full: {
    drain: { runs: 3, stores: [...STORES], visits: 10_000, baselineVisits: 10_000, latencyMs: 150, baselineSampleAtLatency: 200 },
    ingest: {
      runs: 3,
      stores: [...STORES],
      concurrency: [1, 10, 50],
      batchVisits: 100,
      batchedVisitsPerCell: 50_000,
      singleRequestsPerCell: 3_000,
      minRequestsPerTablet: 10,
    },
    stats: { stores: [...STORES], visits: [10_000, 100_000, 1_000_000], calls: 30, naiveCalls: 5 },
    tablet: { startRuns: 10, saves: 500, saveRounds: 3, history: 300, waiting: 30 },
  },
  quick: {
    drain: { runs: 1, stores: [...STORES], visits: 1_000, baselineVisits: 100, latencyMs: 150, baselineSampleAtLatency: 10 },
    ingest: {
      runs: 1,
      stores: [...STORES],
      concurrency: [1, 10, 50],
      batchVisits: 100,
      batchedVisitsPerCell: 5_000,
      singleRequestsPerCell: 150,
      minRequestsPerTablet: 2,
    },
    stats: { stores: [...STORES], visits: [1_000, 2_000, 4_000], calls: 10, naiveCalls: 3 },
    tablet: { startRuns: 3, saves: 100, saveRounds: 2, history: 300, waiting: 30 },
  },
};
