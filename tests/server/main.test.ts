import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/admin/cli.ts';
import { readEnv } from '../../src/server/config.ts';
import { type RunningServer, startServer } from '../../src/server/main.ts';
import { API } from '../../src/shared/protocol.ts';
import { aVisit, LogCapture, PASSWORD } from './helpers/app.ts';
import { emptyStore, freshStore, STORE_KINDS, type StoreKind, testDatabaseUrl } from './helpers/stores.ts';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

let dataDir = '';
let running: RunningServer | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'digibank-main-'));
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

function envFor(kind: StoreKind): NodeJS.ProcessEnv {
  return { DATA_DIR: dataDir, PORT: '0', ...(kind === 'postgres' ? { DATABASE_URL: testDatabaseUrl() } : {}) };
}

async function start(kind: StoreKind, printed: string[] = []): Promise<RunningServer> {
  running = await startServer(readEnv(envFor(kind)), {
    print: (line) => printed.push(line),
    logStream: new LogCapture(),
    staticDir: join(dataDir, 'no-app-built'),
  });
  return running;
}

async function call(server: RunningServer, path: string, init: RequestInit = {}) {
  return fetch(`${server.address}${API}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

async function cli(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(STORE_KINDS)('running the server (%s)', (kind) => {
  it('prints a setup code, is set up and used, and keeps everything across a restart', async () => {
    if (kind === 'postgres') await emptyStore(await freshStore('postgres'));
    const env = envFor(kind);
    // Before any server runs, the CLI opens the database itself.
    expect(await cli(['add-point', 'predikheren', 'Predikheren'], env)).toMatchObject({ code: 0 });

    const printed: string[] = [];
    const first = await start(kind, printed);
    const setupCode = /setup code: ([A-Z2-9-]{14})/.exec(printed.join('\n'))?.[1];
    expect(setupCode).toBeDefined();
    const setup = await call(first, '/setup', {
      method: 'POST',
      body: JSON.stringify({ setupCode, username: 'griet', password: PASSWORD }),
    });
    expect(setup.status).toBe(201);

    // While it runs, the CLI goes through the server.
    const pairing = await cli(['pairing-code'], env);
    expect(pairing.code).toBe(0);
    const paired = await call(first, '/devices/pair', {
      method: 'POST',
      body: JSON.stringify({ code: pairing.out, label: 'Balie 1' }),
    });
    const { token } = (await paired.json()) as { token: string };
    const visit = aVisit();
    const synced = await call(first, '/sync', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ visits: [visit] }),
    });
    expect(synced.status).toBe(200);
    await first.stop();
    running = undefined;

    const printedAgain: string[] = [];
    const second = await start(kind, printedAgain);
    expect(printedAgain).toEqual([]);
    const config = await call(second, '/config', { headers: { authorization: `Bearer ${token}` } });
    expect(((await config.json()) as { points: unknown[] }).points).toEqual([{ id: 'predikheren', name: 'Predikheren' }]);
    const retry = await call(second, '/sync', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ visits: [visit] }),
    });
    expect(((await retry.json()) as { results: unknown[] }).results).toEqual([{ id: visit.id, status: 'unchanged' }]);
    const signIn = await call(second, '/session', {
      method: 'POST',
      body: JSON.stringify({ username: 'griet', password: PASSWORD }),
    });
    expect(signIn.status).toBe(204);
  });
});

describe('one server per PGlite data directory', () => {
  it('refuses to start a second server on a DATA_DIR a server already owns; its CLI runs as a separate process', async () => {
    const server = await start('pglite');
    await expect(
      startServer(readEnv({ DATA_DIR: dataDir, PORT: '0' }), { print: () => {}, logStream: new LogCapture() }),
    ).rejects.toThrow(/another server is running/);

    const cliPath = join(root, 'src/server/admin/cli.ts');
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const listed = await run(process.execPath, ['--import', 'tsx', cliPath, 'devices'], { env, cwd: root });
    expect(listed.stdout.trim()).toBe('no tablets paired yet');
    const failed = await run(process.execPath, ['--import', 'tsx', cliPath, 'revoke', 'nobody'], { env, cwd: root }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr.trim().split('\n')).toEqual(['error: "nobody" is not a device id']);
    expect(server.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
