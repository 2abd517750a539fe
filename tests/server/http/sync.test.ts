import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/protocol.ts';
import { aVisit, json, pairTablet, readyToSync, type SyncAnswer, statuses, sync, type TestServer } from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

let open: TestServer | undefined;
afterEach(async () => {
  await open?.app.close();
  open = undefined;
});

async function ready(kind: (typeof STORE_KINDS)[number]) {
  const server = await readyToSync(kind);
  open = server;
  return server;
}

async function storedRows(server: TestServer) {
  return server.store.query<{ id: string; rev: number; deleted: boolean; device_id: string }>(
    'SELECT id::text AS id, rev, deleted, device_id FROM visits ORDER BY id',
  );
}

describe.each(STORE_KINDS)('a tablet syncing visits (%s)', (kind) => {
  it('gets its visits applied, one result per visit in request order, with the server time', async () => {
    const server = await ready(kind);
    const visits = [aVisit(), aVisit({ kind: 'device', device: { type: 'laptop' }, problem: 'slow' }), aVisit()];
    const response = await sync(server, server.tablet, visits);
    expect(response.statusCode).toBe(200);
    const answer = json<SyncAnswer>(response);
    expect(answer.results).toEqual(visits.map((visit) => ({ id: visit.id, status: 'applied' })));
    expect(answer.serverTime).toBe('2026-11-22T09:00:00.000Z');
    expect(await storedRows(server)).toHaveLength(3);
  });

  it('can send the same batch twice after losing the answer: one row per visit, reported unchanged', async () => {
    const server = await ready(kind);
    const visits = [aVisit(), aVisit()];
    await sync(server, server.tablet, visits);
    const retry = await sync(server, server.tablet, visits);
    expect(statuses(retry)).toEqual(['unchanged', 'unchanged']);
    expect(await storedRows(server)).toHaveLength(2);
  });

  it('replaces a visit with a higher rev, and reports an older rev as stale without storing it', async () => {
    const server = await ready(kind);
    const first = aVisit();
    await sync(server, server.tablet, [first]);
    const finished = {
      ...first,
      rev: 3,
      startedAt: '2026-11-22T09:20:00.000+01:00',
      endedAt: '2026-11-22T09:41:10.000+01:00',
      topics: ['itsme'],
      outcome: 'resolved',
      updatedAt: '2026-11-22T09:41:12.004+01:00',
    };
    expect(statuses(await sync(server, server.tablet, [finished]))).toEqual(['applied']);
    expect(statuses(await sync(server, server.tablet, [{ ...first, rev: 2 }]))).toEqual(['stale']);
    const [row] = await server.store.query<{ rev: number; record: { outcome: string } }>('SELECT rev, record FROM visits');
    expect(row).toMatchObject({ rev: 3, record: { outcome: 'resolved' } });
  });

  it('rejects the same rev with different content as a conflict and keeps the stored version', async () => {
    const server = await ready(kind);
    const visit = aVisit({ people: 2 });
    await sync(server, server.tablet, [visit]);
    const answer = json<SyncAnswer>(await sync(server, server.tablet, [{ ...visit, people: 3 }]));
    expect(answer.results[0]).toMatchObject({ id: visit.id, status: 'rejected', errors: [{ field: 'rev', code: 'conflict' }] });
    const [row] = await server.store.query<{ record: { people: number } }>('SELECT record FROM visits');
    expect(row?.record.people).toBe(2);
  });

  it('treats a retry that spells defaults out as the same content', async () => {
    const server = await ready(kind);
    const visit = aVisit();
    await sync(server, server.tablet, [visit]);
    const explicit = { ...visit, people: 1, contact: 'walk-in', barrier: false, deleted: false, note: null, topics: [] };
    expect(statuses(await sync(server, server.tablet, [explicit]))).toEqual(['unchanged']);
  });

  it('stores a deletion as a tombstone with its rev', async () => {
    const server = await ready(kind);
    const visit = aVisit();
    await sync(server, server.tablet, [visit]);
    expect(statuses(await sync(server, server.tablet, [{ ...visit, rev: 2, deleted: true }]))).toEqual(['applied']);
    expect(await storedRows(server)).toMatchObject([{ id: visit.id, rev: 2, deleted: true }]);
  });

  it('never lets one bad visit fail the batch: field errors for it, the others applied', async () => {
    const server = await ready(kind);
    const good = aVisit();
    const pii = aVisit({ note: 'bel haar terug op 0470 12 34 56' });
    const unknownPoint = aVisit({ pointId: 'nergens' });
    const typo = aVisit({ topcis: ['itsme'] });
    const future = aVisit({ arrivedAt: '2026-11-24T09:00:00.000+01:00' });
    const impossibleDate = aVisit({ arrivedAt: '2026-02-30T09:00:00.000+01:00' });
    const nul = aVisit({ note: 'printer\u0000driver' });
    const results = json<SyncAnswer>(
      await sync(server, server.tablet, [pii, good, unknownPoint, typo, future, impossibleDate, nul, 'not a visit', null]),
    ).results;
    expect(results.map((r) => r.status)).toEqual([
      'rejected',
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    const codes = results.map((r) => r.errors?.map((e) => `${e.field}:${e.code}`));
    expect(codes[0]).toEqual(['note:personal-data']);
    expect(codes[2]).toEqual(['pointId:unknown-point']);
    expect(codes[3]).toEqual(['topcis:unknown-field']);
    expect(codes[4]).toEqual(['arrivedAt:future']);
    expect(codes[5]).toEqual(['arrivedAt:invalid']);
    expect(codes[6]).toEqual(['note:invalid']);
    expect(results[7]).toMatchObject({ id: '', status: 'rejected' });
    expect(await storedRows(server)).toMatchObject([{ id: good.id }]);
  });

  it('answers a visit that appears twice in one batch in order: applied, then unchanged or applied again', async () => {
    const server = await ready(kind);
    const visit = aVisit();
    const edited = { ...visit, rev: 2, people: 2 };
    expect(statuses(await sync(server, server.tablet, [visit, visit, edited, visit]))).toEqual([
      'applied',
      'unchanged',
      'applied',
      'stale',
    ]);
    expect(await storedRows(server)).toMatchObject([{ id: visit.id, rev: 2 }]);
  });

  it("refuses another tablet's visit as forbidden: a visit belongs to the tablet that first pushed it", async () => {
    const server = await ready(kind);
    const other = await pairTablet(server, server.cookie, 'Balie 2');
    const visit = aVisit();
    await sync(server, server.tablet, [visit]);
    for (const attempt of [visit, { ...visit, rev: 2, people: 4 }]) {
      const [result] = json<SyncAnswer>(await sync(server, other, [attempt])).results;
      expect(result).toMatchObject({ status: 'rejected', errors: [{ field: 'id', code: 'forbidden' }] });
    }
    expect(await storedRows(server)).toMatchObject([{ rev: 1, device_id: server.tablet.deviceId }]);
  });

  it('takes 500 visits in one request but answers 413 to 501', async () => {
    const server = await ready(kind);
    const many = Array.from({ length: 501 }, () => aVisit());
    const tooMany = await sync(server, server.tablet, many);
    expect(tooMany.statusCode).toBe(413);
    expect(json(tooMany).message).toMatch(/at most 500 visits/);
    const full = await sync(server, server.tablet, many.slice(0, 500));
    expect(full.statusCode).toBe(200);
    expect(new Set(statuses(full))).toEqual(new Set(['applied']));
  });

  it('answers 413 to a body over 1 MiB, plain or gzip-compressed', async () => {
    const server = await ready(kind);
    const huge = JSON.stringify({ visits: [aVisit({ note: 'x'.repeat(1024 * 1024) })] });
    const plain = await server.app.inject({
      method: 'POST',
      url: `${API}/sync`,
      headers: { ...server.tablet.auth, 'content-type': 'application/json' },
      payload: huge,
    });
    expect(plain.statusCode).toBe(413);
    const zipped = gzipSync(huge);
    expect(zipped.length).toBeLessThan(64 * 1024);
    const compressed = await server.app.inject({
      method: 'POST',
      url: `${API}/sync`,
      headers: { ...server.tablet.auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: zipped,
    });
    expect(compressed.statusCode).toBe(413);
    expect(await storedRows(server)).toEqual([]);
  });

  it('accepts a gzip-compressed batch', async () => {
    const server = await ready(kind);
    const visits = [aVisit(), aVisit()];
    const response = await server.app.inject({
      method: 'POST',
      url: `${API}/sync`,
      headers: { ...server.tablet.auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync(JSON.stringify({ visits })),
    });
    expect(response.statusCode).toBe(200);
    expect(statuses(response)).toEqual(['applied', 'applied']);
  });

  it.each([
    ['not JSON', 'application/json', '{"visits": [', /not valid JSON/],
    ['an array', 'application/json', '[]', /body/],
    ['without visits', 'application/json', '{"client": null}', /visits/],
    ['visits not a list', 'application/json', '{"visits": 3}', /visits/],
    ['an unknown member', 'application/json', '{"visits": [], "extra": 1}', /extra|additional/],
    ['empty', 'application/json', '', /empty/],
    ['not gzip although it says so', 'gzip', '{"visits": []}', /gzip/],
  ])('answers 400 with a clear message to a malformed body: %s', async (_name, type, payload, message) => {
    const server = await ready(kind);
    const headers: Record<string, string> = { ...server.tablet.auth, 'content-type': 'application/json' };
    if (type === 'gzip') headers['content-encoding'] = 'gzip';
    const response = await server.app.inject({ method: 'POST', url: `${API}/sync`, headers, payload });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(json<{ message: string }>(response).message).toMatch(message);
  });

  it('survives bodies built to exhaust the stack: deep nesting anywhere', async () => {
    const server = await ready(kind);
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const send = (payload: string) =>
      server.app.inject({
        method: 'POST',
        url: `${API}/sync`,
        headers: { ...server.tablet.auth, 'content-type': 'application/json' },
        payload,
      });
    expect((await send(`{"visits": [], "client": ${deep}}`)).statusCode).toBe(400);
    expect((await send(`{"visits": [], "extra": ${deep}}`)).statusCode).toBe(400);
    const visit = aVisit();
    const nested = await send(`{"visits": [${JSON.stringify(visit).slice(0, -1)}, "topics": ${deep}}]}`);
    expect(nested.statusCode).toBe(200);
    expect(json<SyncAnswer>(nested).results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'topics', code: 'invalid' }],
    });
    const fullVisit = aVisit({ visitor: { ageBand: '65-79', groups: ['senior'] }, device: { type: 'laptop' } });
    expect(statuses(await sync(server, server.tablet, [fullVisit]))).toEqual(['applied']);
  });

  it('treats an empty batch as a heartbeat: the coordinator sees pending visits, app version and last contact', async () => {
    const server = await ready(kind);
    server.clock.advance(60_000);
    const heartbeat = await sync(server, server.tablet, [], {
      appVersion: '1.4.0',
      pending: 7,
      oldestPendingAt: '2026-11-21T16:00:00.000+01:00',
    });
    expect(heartbeat.statusCode).toBe(200);
    expect(json<SyncAnswer>(heartbeat).results).toEqual([]);
    await sync(server, server.tablet, [aVisit()]);
    const devices = json<{ devices: Array<Record<string, unknown>> }>(
      await server.app.inject({ method: 'GET', url: `${API}/devices`, headers: { cookie: server.cookie } }),
    ).devices;
    expect(devices).toEqual([
      expect.objectContaining({
        id: server.tablet.deviceId,
        label: 'Balie 1',
        appVersion: '1.4.0',
        pending: 7,
        oldestPendingAt: '2026-11-21T15:00:00.000Z',
        lastSeenAt: '2026-11-22T09:01:00.000Z',
        lastPointId: 'predikheren',
        revokedAt: null,
      }),
    ]);
  });

  it('keeps every write of two tablets pushing at the same time', async () => {
    const server = await ready(kind);
    const other = await pairTablet(server, server.cookie, 'Balie 2');
    const mine = Array.from({ length: 50 }, () => aVisit());
    const theirs = Array.from({ length: 50 }, () => aVisit());
    const answers = await Promise.all([
      sync(server, server.tablet, mine),
      sync(server, other, theirs),
      sync(server, server.tablet, mine),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(await storedRows(server)).toHaveLength(100);
  });
});
