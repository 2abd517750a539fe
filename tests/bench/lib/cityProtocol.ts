/** Messages between the benchmark and its city process (cityProcess.ts) over the IPC channel. */
import type { DemoOptions } from '../../../src/server/admin/demoData.ts';

export interface CityOptions {
  /** PostgreSQL (with the benchmark's own search_path), or undefined for PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logFile: string;
  /** A built tablet app to serve, if any. */
  staticDir?: string;
  coordinator: { username: string; password: string };
}

export type CityCommand =
  | { type: 'load-demo'; id: number; options: DemoOptions }
  | { type: 'naive-stats'; id: number; from: string; to: string }
  | { type: 'rollup-stats'; id: number; from: string; to: string }
  | { type: 'cpu'; id: number }
  /** folds the roll-up queue to the end, as a statistics read would */
  | { type: 'fold'; id: number }
  | { type: 'stop'; id: number };

export type CityReply =
  | { type: 'ready'; address: string; kind: 'pglite' | 'postgres' }
  | { type: 'loaded'; id: number; inserted: number; ms: number }
  | { type: 'naive-stats'; id: number; ms: number; visits: number }
  | { type: 'rollup-stats'; id: number; ms: number; visits: number }
  | { type: 'cpu'; id: number; userMs: number; systemMs: number; loopActiveMs: number }
  | { type: 'folded'; id: number; visits: number; ms: number }
  | { type: 'stopped'; id: number }
  | { type: 'error'; id: number; message: string };

/** A command without its id (the handle numbers them). */
export type CityRequest = CityCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;
