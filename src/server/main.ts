/**
 * The city endpoint as a process: configuration from the environment, the
 * store (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), the HTTP server
 * with the built tablet app, the admin channel for the CLI, the daily
 * retention purge, the background fold of the statistics' roll-ups, the
 * one-time setup code while no coordinator exists, and a graceful stop on
 * SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { type AdminChannel, answers, serveAdmin } from './admin/channel.ts';
import { runAdminCommand } from './admin/commands.ts';
import { buildApp } from './app.ts';
import { adminSocketPath, DEFAULT_APP_CONFIG, readEnv, type ServerEnv } from './config.ts';
import { QUIET_BEFORE_FOLD_MS, trackActivity } from './http/activity.ts';
import type { RandomSource } from './security/secrets.ts';
import { issueSetupCode } from './setup.ts';
import { openStore } from './store/open.ts';
import { scheduleRetention } from './store/retention.ts';
import { scheduleRollupFolds } from './store/rollupQueue.ts';
import type { Store } from './store/sql.ts';

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface StartOptions {
  /** Lines for the operator (the setup code); stdout by default. */
  print?: (line: string) => void;
  logStream?: DestinationStream;
  /** The built PWA; dist/ by default, not served when it holds no index.html. */
  staticDir?: string;
  now?: () => Date;
  random?: RandomSource;
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** http://host:port as listening */
  address: string;
  stop(): Promise<void>;
}

export async function startServer(env: ServerEnv, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const random = options.random ?? ((size: number) => randomBytes(size));
  const socketPath = adminSocketPath(env.dataDir);
  const embedded = !env.databaseUrl;
  if (embedded && (await answers(socketPath))) {
    throw new Error(`another server is running on DATA_DIR ${env.dataDir}; stop it first or use another DATA_DIR`);
  }

  const store = await openStore({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  const serveApp = existsSync(join(staticDir, 'index.html'));
  const config = { ...DEFAULT_APP_CONFIG, publicOrigin: env.publicOrigin, trustProxy: env.trustProxy };
  let app: FastifyInstance;
  try {
    app = await buildApp({
      store,
      now,
      randomBytes: random,
      logger: { level: env.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
      config: { ...config, staticDir: serveApp ? staticDir : undefined },
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  if (!serveApp) app.log.warn(`no built app in ${staticDir}: serving the API only (run npx vite build)`);

  // Background work that fails is logged by kind and code only: an error's message may quote visit data.
  const logFailure = (message: string) => (error: unknown) =>
    app.log.error({ err: { type: (error as Error).name, code: (error as { code?: string }).code } }, message);
  const activity = trackActivity(app);
  let admin: AdminChannel | undefined;
  const retention = scheduleRetention(store, {
    months: env.retentionMonths,
    now,
    onPurged: (result) => app.log.info({ purged: result.purged, cutoff: result.cutoff }, 'retention purge done'),
    onError: logFailure('retention purge failed'),
  });
  const folds = scheduleRollupFolds(store, {
    quiet: () => activity.quietFor(QUIET_BEFORE_FOLD_MS),
    onError: logFailure('roll-up fold failed'),
  });
  const stop = async () => {
    retention.stop();
    await admin?.close();
    await app.close();
    await folds.stop();
    await store.close();
  };

  try {
    const address = await app.listen({ port: env.port, host: env.host });
    if (embedded) {
      admin = await serveAdmin(socketPath, (request) =>
        runAdminCommand(
          { store, now, random, passwordCost: config.passwordCost, pairingCodeTtlMs: config.pairingCodeTtlMs },
          request,
        ),
      );
    }
    const setupCode = await issueSetupCode(store, random, now(), config.setupCodeTtlMs);
    if (setupCode) {
      print(`No coordinator account exists yet. One-time setup code: ${setupCode} (valid 24 hours)`);
      print(
        `Create the first coordinator at ${env.publicOrigin}/dashboard or with: npm run admin -- create-coordinator <username>`,
      );
    }
    return { app, store, address, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs the server until SIGTERM or SIGINT; a second signal stops at once. */
export async function main(): Promise<void> {
  let running: RunningServer;
  try {
    running = await startServer(readEnv(process.env));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    running.app.log.info({ signal }, 'stopping: finishing requests in flight');
    running.stop().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`error while stopping: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
