/**
 * The city endpoint killed with SIGKILL right after it answered a batch,
 * while another batch is on its way, then started again on the same data:
 * every visit it acknowledged (applied or unchanged in a 200) is there at the
 * acknowledged rev. Run as the operator runs it (src/server/main.ts in its own
 * process), on PGlite in a DATA_DIR on disk and on PostgreSQL.
 *
 * The proof is twofold: resending every acknowledged visit after the restart
 * is answered `unchanged` (the city holds that rev with that content), and
 * reading the database directly finds each one once, owned by the tablet.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../src/server/store/pglite.ts';
import { openPostgres } from '../../../src/server/store/postgres.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { API } from '../../../src/shared/protocol.ts';
import { toLocalTimestamp } from '../../../src/shared/time.ts';
import { uuidv7 } from '../../../src/shared/uuid.ts';
import { auditPrivacy } from '../../helpers/privacyAudit.ts';
import { runSeed, withSeed } from '../../helpers/seeded.ts';
import { freePort, killAll, type ServerProcess, startServerProcess } from '../../helpers/serverProcess.ts';
import { freshStore, STORE_KINDS, type StoreKind, testDatabaseUrl } from '../helpers/stores.ts';

const CRASHES = 2;
const PASSWORD = 'correct horse battery staple';

type Visit = Record<string, unknown> & { id: string; rev: number };
interface SyncAnswer {
  results: { id: string; status: string }[];
}

const dirs: string[] = [];
afterAll(async () => {
  await killAll();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function call(
  server: ServerProcess,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> },
) {
  const response = await fetch(`${server.url}${API}${path}`, {
    method,
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The coordinator sets the city up as on day one: the first account with the printed code, a point, a tablet. */
async function setUpCity(server: ServerProcess) {
  // The code is printed just after the server starts listening.
  const setupCode = await server.waitFor(/One-time setup code: ([A-Z0-9-]+)/);
  const setup = await call(server, 'POST', '/setup', { body: { setupCode, username: 'griet', password: PASSWORD } });
  expect(setup.status, setup.text).toBe(201);
  const sessionId = /=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { cookie };
  expect((await call(server, 'POST', '/points', { body: { id: 'predikheren', name: 'Predikheren' }, headers })).status).toBe(201);
  const code = JSON.parse((await call(server, 'POST', '/pairing-codes', { headers })).text) as { code: string };
  const paired = await call(server, 'POST', '/devices/pair', { body: { code: code.code, label: 'Balie 1' } });
  expect(paired.status).toBe(201);
  const { deviceId, token } = JSON.parse(paired.text) as { deviceId: string; token: string };
  return { deviceId, token, secrets: [token, sessionId, code.code, PASSWORD] };
}

/** A visit logged `minutesAgo` on the tablet, as it travels. */
function visitAt(random: () => number, minutesAgo: number): Visit {
  const at = Date.now() - minutesAgo * 60_000;
  const time = toLocalTimestamp(at, 60);
  const bytes = (b: Uint8Array<ArrayBuffer>) => b.map(() => Math.floor(random() * 256));
  return {
    id: uuidv7(at, bytes),
    rev: 1,
    pointId: 'predikheren',
    kind: 'question',
    arrivedAt: time,
    endedAt: time,
    topics: ['itsme'],
    outcome: 'resolved',
    people: 1 + Math.floor(random() * 3),
    createdAt: time,
    updatedAt: time,
  };
}

const edited = (visit: Visit): Visit => ({
  ...visit,
  rev: visit.rev + 1,
  people: ((visit.people as number) % 10) + 1,
  updatedAt: toLocalTimestamp(Date.now(), 60),
});

async function push(server: ServerProcess, token: string, visits: Visit[]): Promise<SyncAnswer> {
  const answer = await call(server, 'POST', '/sync', { body: { visits }, headers: { authorization: `Bearer ${token}` } });
  if (answer.status !== 200) throw new Error(`sync answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text) as SyncAnswer;
}

async function openDirectly(kind: StoreKind, dataDir: string): Promise<Store> {
  return kind === 'pglite' ? openPglite(dataDir) : openPostgres(testDatabaseUrl(), 2);
}

describe.each(STORE_KINDS)('the city endpoint killed right after answering (%s)', (kind) => {
  it(`keeps every visit it acknowledged through ${CRASHES} kills and restarts`, { timeout: 300_000 }, () =>
    withSeed(runSeed(9_2026), async (random) => {
      if (kind === 'postgres') await freshStore('postgres'); // an empty database: the process prints a setup code
      const dataDir = await mkdtemp(join(tmpdir(), 'digibank-crash-'));
      dirs.push(dataDir);
      const start = async () =>
        startServerProcess({
          port,
          dataDir,
          databaseUrl: kind === 'postgres' ? testDatabaseUrl() : undefined,
        });
      const port = await freePort();
      let server = await start();
      const { deviceId, token, secrets } = await setUpCity(server);
      let outputs = server.output();

      /** The latest rev of each visit the city acknowledged in a 200. */
      const acknowledged = new Map<string, Visit>();
      const learn = (sent: Visit[], answer: SyncAnswer) => {
        answer.results.forEach((result, i) => {
          const visit = sent[i];
          expect(result.id).toBe(visit?.id);
          if (visit && (result.status === 'applied' || result.status === 'unchanged')) acknowledged.set(visit.id, visit);
        });
      };
      let logged = 0;
      // Ten hours ago onwards, one every three seconds: a long day's work, never in the future.
      const newVisits = (count: number) => Array.from({ length: count }, () => visitAt(random, 600 - 0.05 * logged++));

      for (let crash = 0; crash < CRASHES; crash++) {
        const batches = 1 + Math.floor(random() * 3);
        for (let batch = 1; batch <= batches; batch++) {
          const edits = [...acknowledged.values()]
            .filter(() => random() < 0.05)
            .slice(0, 100)
            .map(edited);
          const visits = [...newVisits(50 + Math.floor(random() * 150)), ...edits];
          if (batch < batches) {
            learn(visits, await push(server, token, visits));
            continue;
          }
          // The last batch before the crash: another one (new visits only) is on its way when the process dies.
          const other = newVisits(200);
          const inFlight = push(server, token, other).then(
            (answer) => learn(other, answer),
            () => undefined, // no answer, no acknowledgement: the tablet sends these again later
          );
          const answer = await push(server, token, visits);
          await server.kill();
          learn(visits, answer);
          await inFlight;
        }
        outputs += server.output();
        server = await start();

        // Resending every acknowledged visit: the city already holds each at that rev with that content.
        const all = [...acknowledged.values()];
        for (let i = 0; i < all.length; i += 500) {
          const chunk = all.slice(i, i + 500);
          const answer = await push(server, token, chunk);
          const notHeld = answer.results.filter((result) => result.status !== 'unchanged');
          expect(notHeld, `after crash ${crash + 1}`).toEqual([]);
        }
      }
      await server.kill();
      outputs += server.output();

      const store = await openDirectly(kind, dataDir);
      try {
        const rows = await store.query<{ id: string; rev: number; device_id: string }>(
          'SELECT id::text AS id, rev, device_id FROM visits',
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        expect(byId.size).toBe(rows.length);
        const lost = [...acknowledged.values()].filter((visit) => {
          const row = byId.get(visit.id);
          return !row || row.rev !== visit.rev || row.device_id !== deviceId;
        });
        expect(lost).toEqual([]);
        expect(acknowledged.size).toBeGreaterThan(CRASHES * 100);
        expect(await auditPrivacy({ store, logText: outputs, secrets, refusedNotes: [] })).toEqual([]);
      } finally {
        await store.close();
      }
    }),
  );
});
