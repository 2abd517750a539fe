import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/protocol.ts';
import { aVisit, json, readyToSync, type SyncAnswer, statuses, sync, type TestServer } from '../helpers/app.ts';
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

describe.each(STORE_KINDS)('a coordinator managing points (%s)', (kind) => {
  it('adds, renames and closes points; tablets see only the open ones', async () => {
    const s = await ready(kind);
    const as = { cookie: s.cookie };
    const added = await s.app.inject({
      method: 'POST',
      url: `${API}/points`,
      headers: as,
      payload: { id: 'bib-mechelen', name: 'Bibliotheek' },
    });
    expect(added.statusCode).toBe(201);
    expect(json(added)).toEqual({ id: 'bib-mechelen', name: 'Bibliotheek', active: true });

    const renamed = await s.app.inject({
      method: 'PATCH',
      url: `${API}/points/bib-mechelen`,
      headers: as,
      payload: { name: 'Bibliotheek Het Predikheren' },
    });
    expect(json(renamed)).toEqual({ id: 'bib-mechelen', name: 'Bibliotheek Het Predikheren', active: true });
    const closed = await s.app.inject({
      method: 'PATCH',
      url: `${API}/points/predikheren`,
      headers: as,
      payload: { active: false },
    });
    expect(json(closed)).toMatchObject({ active: false });

    const all = json<{ points: unknown[] }>(await s.app.inject({ method: 'GET', url: `${API}/points`, headers: as }));
    expect(all.points).toEqual([
      { id: 'bib-mechelen', name: 'Bibliotheek Het Predikheren', active: true },
      { id: 'predikheren', name: 'Predikheren', active: false },
    ]);
    const config = json<{ points: unknown[]; taxonomyVersion: number }>(
      await s.app.inject({ method: 'GET', url: `${API}/config`, headers: s.tablet.auth }),
    );
    expect(config.points).toEqual([{ id: 'bib-mechelen', name: 'Bibliotheek Het Predikheren' }]);
    expect(config.taxonomyVersion).toBe(1);
  });

  it('still accepts visits logged at a point that has since closed', async () => {
    const s = await ready(kind);
    await s.app.inject({
      method: 'PATCH',
      url: `${API}/points/predikheren`,
      headers: { cookie: s.cookie },
      payload: { active: false },
    });
    expect(statuses(await sync(s, s.tablet, [aVisit()]))).toEqual(['applied']);
  });

  it('answers 409 to a taken id, 404 to an unknown point and 400 to a bad slug or an empty change', async () => {
    const s = await ready(kind);
    const as = { cookie: s.cookie };
    const call = (method: 'POST' | 'PATCH', url: string, payload: unknown) =>
      s.app.inject({ method, url: `${API}${url}`, headers: as, payload: payload as Record<string, unknown> });
    expect((await call('POST', '/points', { id: 'predikheren', name: 'Dubbel' })).statusCode).toBe(409);
    expect((await call('PATCH', '/points/nergens', { name: 'x' })).statusCode).toBe(404);
    expect((await call('POST', '/points', { id: 'Met Spaties', name: 'x' })).statusCode).toBe(400);
    expect((await call('POST', '/points', { id: 'leeg', name: '   ' })).statusCode).toBe(400);
    expect((await call('PATCH', '/points/predikheren', {})).statusCode).toBe(400);
    expect((await call('PATCH', '/points/NOT_A_SLUG', { name: 'x' })).statusCode).toBe(400);
  });
});

describe.each(STORE_KINDS)('importing a rescue file (%s)', (kind) => {
  const importFile = (s: TestServer & { cookie: string }, file: unknown) =>
    s.app.inject({
      method: 'POST',
      url: `${API}/import`,
      headers: { cookie: s.cookie },
      payload: file as Record<string, unknown>,
    });

  it('stores the visits by the sync rules, owned by the tablet, and doubles nothing when imported again', async () => {
    const s = await ready(kind);
    const synced = aVisit();
    await sync(s, s.tablet, [synced]);
    const visits = [synced, ...Array.from({ length: 1200 }, () => aVisit()), aVisit({ note: 'mail naar jan@example.com' })];
    const file = { deviceId: s.tablet.deviceId, exportedAt: '2026-11-22T10:00:00.000+01:00', visits };

    const first = await importFile(s, file);
    expect(first.statusCode).toBe(200);
    const results = json<SyncAnswer>(first).results;
    expect(results).toHaveLength(visits.length);
    expect(results[0]).toEqual({ id: synced.id, status: 'unchanged' });
    expect(results.slice(1, -1).every((r) => r.status === 'applied')).toBe(true);
    expect(results.at(-1)).toMatchObject({ status: 'rejected', errors: [{ field: 'note', code: 'personal-data' }] });

    const again = json<SyncAnswer>(await importFile(s, file)).results;
    expect(again.slice(0, -1).every((r) => r.status === 'unchanged')).toBe(true);
    const [count] = await s.store.query<{ n: number; devices: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT device_id)::int AS devices FROM visits',
    );
    expect(count).toEqual({ n: 1201, devices: 1 });

    // The tablet, back online later, finds its visits already there.
    expect(statuses(await sync(s, s.tablet, visits.slice(1, 4)))).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('refuses a file of a device this server never paired, and a file that is not a rescue file', async () => {
    const s = await ready(kind);
    const unknown = await importFile(s, {
      deviceId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      exportedAt: '2026-11-22T10:00:00.000+01:00',
      visits: [aVisit()],
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).message).toMatch(/unknown device/);
    expect((await importFile(s, { visits: [] })).statusCode).toBe(400);
    expect(await s.store.query('SELECT 1 FROM visits')).toEqual([]);
  });
});
