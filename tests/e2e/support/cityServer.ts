/**
 * Starts and stops the real city endpoint as its own process (PGlite in a
 * temporary DATA_DIR) and runs the admin CLI against it, as an operator would.
 * The process is node itself, not npx, so its pid is the server's.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LAUNCHER = fileURLToPath(new URL('./launchServer.ts', import.meta.url));
const CLI = join(ROOT, 'src/server/admin/cli.ts');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export class CityServer {
  private process: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    readonly dataDir: string,
  ) {}

  /** A city on a free port, with an empty database or a copy of `template` (a stopped server's DATA_DIR). */
  static async create(template?: string): Promise<CityServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'digibank-e2e-data-'));
    if (template) cpSync(template, dataDir, { recursive: true });
    return new CityServer(await freePort(), dataDir);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'warn', ...extra };
  }

  /** Serves the build in `staticDir`; resolves once the server listens and its database answers. */
  async start(staticDir: string): Promise<void> {
    if (this.process) throw new Error('the city server is already running');
    const child = spawn(process.execPath, ['--import', 'tsx', LAUNCHER], {
      cwd: ROOT,
      env: this.env({ STATIC_DIR: staticDir, DATABASE_URL: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    this.output = '';
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the city server exited (${code}) while starting:\n${this.output}`));
      child.once('exit', onExit);
      const onData = () => {
        if (this.output.includes('listening ')) {
          child.off('exit', onExit);
          child.stdout?.off('data', onData);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
    });
  }

  /** SIGTERM to the server's own pid; resolves when it has exited. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Runs `npm run admin -- …args` against this server; resolves with its stdout. */
  admin(args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', CLI, ...args],
        { cwd: ROOT, env: this.env({ DATABASE_URL: '', ...extraEnv }) },
        (error, stdout, stderr) =>
          error ? reject(new Error(`admin ${args[0]} failed: ${stderr || error.message}`)) : resolve(stdout.trim()),
      );
    });
  }

  /** Stops the server and removes its data. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** The server's recent output, for a failing test's message. */
  get log(): string {
    return this.output;
  }
}
