import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AdminChannel, serveAdmin } from '../../../src/server/admin/channel.ts';
import { runCli } from '../../../src/server/admin/cli.ts';
import { runAdminCommand } from '../../../src/server/admin/commands.ts';
import { adminSocketPath } from '../../../src/server/config.ts';
import { verifyPassword } from '../../../src/server/security/passwords.ts';
import { sha256 } from '../../../src/server/security/secrets.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { normalizePairingCode } from '../../../src/shared/protocol.ts';
import { aVisit, CHEAP_SCRYPT, PASSWORD, TestClock } from '../helpers/app.ts';
import { freshStore, STORE_KINDS, testDatabaseUrl } from '../helpers/stores.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dataDir = '';
let channel: AdminChannel | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'digibank-cli-'));
});
afterEach(async () => {
  await channel?.close();
  channel = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

/** What the running server does for the CLI: answer on the admin socket in DATA_DIR. */
async function serverFor(store: Store): Promise<void> {
  const clock = new TestClock();
  channel = await serveAdmin(adminSocketPath(dataDir), (request) =>
    runAdminCommand(
      { store, now: clock.now, random: (n) => randomBytes(n), passwordCost: CHEAP_SCRYPT, pairingCodeTtlMs: 86_400_000 },
      request,
    ),
  );
}

describe.each(STORE_KINDS)('the admin CLI while the server runs (%s)', (kind) => {
  it('asks the running server over a socket only its user can open, and the server does the work', async () => {
    const store = await freshStore(kind);
    await serverFor(store);
    expect((await stat(adminSocketPath(dataDir))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'admin'))).mode & 0o777).toBe(0o700);
    const env = { DATA_DIR: dataDir };

    expect(await cli(['add-point', 'predikheren', 'Het', 'Predikheren'], env)).toEqual({
      code: 0,
      out: 'point "predikheren" added',
      err: '',
    });
    expect(await store.query('SELECT id, name, active FROM points')).toEqual([
      { id: 'predikheren', name: 'Het Predikheren', active: true },
    ]);

    const made = await cli(['create-coordinator', 'Griet'], { ...env, COORDINATOR_PASSWORD: PASSWORD });
    expect(made).toMatchObject({ code: 0, out: 'coordinator "griet" created' });
    const [account] = await store.query<{ password_hash: string }>('SELECT password_hash FROM coordinators');
    expect(await verifyPassword(PASSWORD, account?.password_hash ?? '')).toBe(true);

    const pairing = await cli(['pairing-code'], env);
    expect(pairing.code).toBe(0);
    expect(pairing.out).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(pairing.err).toMatch(/valid once, until/);
    const stored = await store.query('SELECT 1 FROM pairing_codes WHERE code_hash = $1', [
      sha256(normalizePairingCode(pairing.out) ?? ''),
    ]);
    expect(stored).toHaveLength(1);

    expect(await cli(['devices'], env)).toMatchObject({ code: 0, out: 'no tablets paired yet' });
  });

  it('revokes a tablet, lists the fleet and imports a rescue file by the sync rules', async () => {
    const store = await freshStore(kind);
    await serverFor(store);
    await store.query("INSERT INTO points (id, name) VALUES ('predikheren', 'Predikheren')");
    const deviceId = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    await store.query("INSERT INTO devices (id, label, token_hash) VALUES ($1, 'Balie 1', 'x')", [deviceId]);
    const env = { DATA_DIR: dataDir };

    const file = join(dataDir, 'rescue.json');
    const visits = [aVisit(), aVisit(), aVisit({ pointId: 'nergens' })];
    await writeFile(file, JSON.stringify({ deviceId, exportedAt: '2026-11-22T10:00:00.000+01:00', visits }));
    const first = await cli(['import', file], env);
    expect(first.code).toBe(0);
    expect(first.out.split('\n')).toEqual([
      '3 visits: 2 applied, 0 unchanged, 0 stale, 1 rejected',
      `rejected ${visits[2]?.id}: pointId unknown-point`,
    ]);
    expect((await cli(['import', file], env)).out).toMatch(/^3 visits: 0 applied, 2 unchanged/);

    const listed = await cli(['devices'], env);
    expect(listed.out).toMatch(/DEVICE\s+LABEL\s+STATUS/);
    expect(listed.out).toContain(`${deviceId}  Balie 1  active`);
    expect(await cli(['revoke', deviceId], env)).toMatchObject({ code: 0, out: `device ${deviceId} revoked` });
    expect((await cli(['devices'], env)).out).toContain('revoked');
  });

  it('exits non-zero with a one-line reason when a command cannot be done', async () => {
    const store = await freshStore(kind);
    await serverFor(store);
    const env = { DATA_DIR: dataDir };
    await store.query("INSERT INTO points (id, name) VALUES ('predikheren', 'Predikheren')");
    const cases: Array<[string[], NodeJS.ProcessEnv, number, RegExp]> = [
      [['revoke', 'not-a-device'], env, 1, /is not a device id/],
      [['revoke', '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'], env, 1, /no device/],
      [['add-point', 'predikheren', 'Dubbel'], env, 1, /exists already/],
      [['add-point', 'Met Spaties', 'x'], env, 1, /is not a point id/],
      [['create-coordinator', 'jan'], { ...env, COORDINATOR_PASSWORD: 'short' }, 1, /at least 12 characters/],
      [['create-coordinator', 'jan'], env, 2, /COORDINATOR_PASSWORD/],
      [['import', join(dataDir, 'missing.json')], env, 2, /cannot read/],
      [['frobnicate'], env, 2, /unknown command "frobnicate"/],
      [['devices'], { ...env, PORT: 'eighty' }, 2, /PORT must be a whole number/],
    ];
    for (const [argv, runEnv, code, reason] of cases) {
      const run = await cli(argv, runEnv);
      expect(run.code, argv.join(' ')).toBe(code);
      expect(run.err.split('\n')[0], argv.join(' ')).toMatch(reason);
      expect(run.out).toBe('');
    }
  });
});

describe('the admin CLI with no server running', () => {
  it('opens the PostgreSQL database named by DATABASE_URL itself', async () => {
    const store = await freshStore('postgres');
    const env = { DATA_DIR: dataDir, DATABASE_URL: testDatabaseUrl() };
    expect(await cli(['add-point', 'nekkerspoel', 'Nekkerspoel'], env)).toMatchObject({ code: 0 });
    expect(await store.query('SELECT id FROM points')).toEqual([{ id: 'nekkerspoel' }]);
    expect(await cli(['add-point', 'nekkerspoel', 'Nekkerspoel'], env)).toMatchObject({ code: 1 });
  });
});
