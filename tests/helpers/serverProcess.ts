/**
 * The city endpoint as the operator runs it: `src/server/main.ts` in its own
 * Node process, configured through the environment (PGlite in DATA_DIR, or
 * PostgreSQL at DATABASE_URL), on a fixed port so a restart answers at the
 * same address. The story can kill it with SIGKILL, as a power cut or the
 * OOM killer would, and start it again on the same data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** How long a start may take: the first PGlite start makes its data directory. */
const START_LIMIT_MS = 120_000;

export interface ServerProcessOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
}

export interface ServerProcess {
  url: string;
  /** Everything the process wrote to stdout and stderr (log lines, the setup code). */
  output(): string;
  /** Waits (at most a minute) until the output matches `pattern`; returns its first group. */
  waitFor(pattern: RegExp): Promise<string>;
  /** SIGKILL, then waits until the process is gone. */
  kill(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const running = new Set<ChildProcess>();

/** Kills every server process a story left running (for afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
    }),
  );
  running.clear();
}

/** Starts `src/server/main.ts` and resolves once GET /healthz answers 200. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${options.port}`;
  const process_: ServerProcess = {
    url,
    output: () => output,
    async waitFor(pattern) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const found = pattern.exec(output);
        if (found) return found[1] ?? found[0];
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server never printed ${pattern}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      running.delete(child);
    },
  };

  const deadline = Date.now() + START_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server process ended while starting:\n${output}`);
    }
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return process_;
    if (Date.now() > deadline) {
      await process_.kill();
      throw new Error(`the server process did not become healthy in ${START_LIMIT_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
