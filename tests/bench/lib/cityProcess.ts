/**
 * The city endpoint as the benchmarks run it: its own Node process, so the
 * tablets and load generators in the benchmark process do not share its
 * event loop. It is what src/server/main.ts starts (openStore → buildApp →
 * listen, and the background roll-up fold), with request logging at `info` into a file, and one deviation:
 * the pairing rate limit is raised, because every benchmark tablet pairs
 * from 127.0.0.1.
 *
 * The parent talks to it over the IPC channel: `ready` once it listens;
 * `load-demo` writes seeded demo visits through the generator's bulk loader;
 * `fold` finishes the roll-up queue; `rollup-stats` and `naive-stats` time the statistics' SQL and the
 * row-by-row baseline in-process; `cpu` reports its CPU
 * time; `stop` closes the server and the store.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadDemoData } from '../../../src/server/admin/demoData.ts';
import { buildApp } from '../../../src/server/app.ts';
import { QUIET_BEFORE_FOLD_MS, trackActivity } from '../../../src/server/http/activity.ts';
import { OWASP_SCRYPT } from '../../../src/server/security/passwords.ts';
import { addCoordinator } from '../../../src/server/setup.ts';
import { getStats } from '../../../src/server/stats/getStats.ts';
import { openStore } from '../../../src/server/store/open.ts';
import { foldQueuedRollups, scheduleRollupFolds } from '../../../src/server/store/rollupQueue.ts';
import type { CityCommand, CityOptions, CityReply } from './cityProtocol.ts';
import { NAIVE_YEAR_SQL } from './naiveStats.ts';

const options = JSON.parse(process.env.BENCH_CITY ?? '{}') as CityOptions;
const send = (reply: CityReply) => process.send?.(reply);

const store = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
const logStream = createWriteStream(options.logFile);
const app = await buildApp({
  store,
  now: () => new Date(),
  randomBytes: (size) => randomBytes(size),
  logger: { level: 'info', stream: logStream },
  config: {
    pairLimit: { max: 100_000, windowMs: 60_000 },
    passwordCost: OWASP_SCRYPT,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
  },
});
const made = await addCoordinator(store, options.coordinator, (n) => randomBytes(n), OWASP_SCRYPT);
if (!made.ok) throw new Error(`benchmark coordinator: ${made.reason}`);
const activity = trackActivity(app);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
const folds = scheduleRollupFolds(store, {
  quiet: () => activity.quietFor(QUIET_BEFORE_FOLD_MS),
  onError: (error) => app.log.error({ err: error }, 'roll-up fold failed'),
});

async function handle(command: CityCommand): Promise<CityReply> {
  switch (command.type) {
    case 'load-demo': {
      const started = performance.now();
      const { inserted } = await loadDemoData(store, command.options);
      return { type: 'loaded', id: command.id, inserted, ms: performance.now() - started };
    }
    case 'naive-stats': {
      const started = performance.now();
      const rows = await store.query<{ visits: number }>(NAIVE_YEAR_SQL, [command.from, command.to]);
      return { type: 'naive-stats', id: command.id, ms: performance.now() - started, visits: Number(rows[0]?.visits ?? 0) };
    }
    case 'rollup-stats': {
      const started = performance.now();
      const answer = await getStats(store, { from: command.from, to: command.to });
      return { type: 'rollup-stats', id: command.id, ms: performance.now() - started, visits: answer.totals.visits };
    }
    case 'fold': {
      const started = performance.now();
      const visits = await foldQueuedRollups(store);
      return { type: 'folded', id: command.id, visits, ms: performance.now() - started };
    }
    case 'cpu': {
      const usage = process.cpuUsage();
      return {
        type: 'cpu',
        id: command.id,
        userMs: usage.user / 1000,
        systemMs: usage.system / 1000,
        loopActiveMs: performance.eventLoopUtilization().active,
      };
    }
    case 'stop':
      await app.close();
      await folds.stop();
      await store.close();
      await new Promise<void>((resolve) => logStream.end(resolve));
      return { type: 'stopped', id: command.id };
  }
}

process.on('message', (command: CityCommand) => {
  handle(command).then(
    (reply) => {
      send(reply);
      if (reply.type === 'stopped') process.disconnect();
    },
    (error: Error) => send({ type: 'error', id: command.id, message: error.stack ?? error.message }),
  );
});
send({ type: 'ready', address, kind: store.kind });
