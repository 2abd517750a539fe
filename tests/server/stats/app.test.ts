/**
 * The whole way through the city endpoint: a tablet syncs visits, a signed-in
 * coordinator reads the statistics and downloads the exports.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/protocol.ts';
import { aVisit, readyToSync, statuses, sync } from '../helpers/app.ts';
import { STORE_KINDS } from '../helpers/stores.ts';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe.each(STORE_KINDS)('statistics through the city endpoint on the %s store', (kind) => {
  it('counts what a tablet synced, follows its edits and deletions, and is for coordinators only', async () => {
    const server = await readyToSync(kind);
    close = () => server.app.close();
    const first = aVisit({ topics: ['itsme'], arrivedAt: '2026-11-22T09:14:03.120+01:00' });
    const second = aVisit({ topics: ['health'], arrivedAt: '2026-11-21T23:30:00.000Z' }); // 00:30 on Sunday 22 Nov
    const pushed = await sync(server, server.tablet, [first, second]);
    expect(pushed.json().results).toEqual([
      { id: first.id, status: 'applied' },
      { id: second.id, status: 'applied' },
    ]);

    const stats = async () => {
      const response = await server.app.inject({
        url: `${API}/stats?from=2026-11-01&to=2026-11-30`,
        headers: { cookie: server.cookie },
      });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    expect(await stats()).toMatchObject({
      totals: { visits: 2, questions: 2 },
      byDay: [{ date: '2026-11-22', count: 2 }],
      byTopic: [
        { code: 'health', count: 1 },
        { code: 'itsme', count: 1 },
      ],
      heatmap: [
        { weekday: 7, hour: 0, count: 1 },
        { weekday: 7, hour: 9, count: 1 },
      ],
    });

    // The host corrects the first visit's topic, then deletes the second.
    const synced = await sync(server, server.tablet, [
      { ...first, rev: 2, topics: ['eid'] },
      { ...second, rev: 2, deleted: true },
    ]);
    expect(statuses(synced)).toEqual(['applied', 'applied']);
    expect(await stats()).toMatchObject({ totals: { visits: 1 }, byTopic: [{ code: 'eid', count: 1 }] });
    // The same batch again changes nothing.
    await sync(server, server.tablet, [
      { ...first, rev: 2, topics: ['eid'] },
      { ...second, rev: 2, deleted: true },
    ]);
    expect((await stats()).totals.visits).toBe(1);

    const csv = await server.app.inject({
      url: `${API}/export.csv?from=2026-11-01&to=2026-11-30`,
      headers: { cookie: server.cookie },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFFid;point_id;')).toBe(true);
    expect(csv.body.split('\r\n')[1]).toContain(';2026-11-22 09:14:03;');

    const openData = await server.app.inject({
      url: `${API}/export/open-data.csv?from=2026-11-01&to=2026-11-30`,
      headers: { cookie: server.cookie },
    });
    expect(openData.body.split('\r\n')[1]?.startsWith('2026-11;predikheren;Predikheren;<5;<5;0;')).toBe(true);

    const bad = await server.app.inject({
      url: `${API}/stats?from=2026-11-30&to=2026-11-01`,
      headers: { cookie: server.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/after/);
    const malformed = await server.app.inject({
      url: `${API}/stats?from=soon&to=2026-11-01`,
      headers: { cookie: server.cookie },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toMatch(/from/);

    for (const url of ['/stats', '/export.csv', '/export/open-data.csv']) {
      const anonymous = await server.app.inject({ url: `${API}${url}?from=2026-11-01&to=2026-11-30` });
      expect({ url, status: anonymous.statusCode }).toEqual({ url, status: 401 });
      const tablet = await server.app.inject({
        url: `${API}${url}?from=2026-11-01&to=2026-11-30`,
        headers: server.tablet.auth,
      });
      expect({ url, status: tablet.statusCode }).toEqual({ url, status: 401 });
    }
  });
});
