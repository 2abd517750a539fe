/**
 * The coordinator's statistics and downloads over HTTP, on a bare Fastify
 * instance (sign-in is the app's business and is tested there).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import exportRoutes from '../../../src/server/http/export.ts';
import statsRoutes from '../../../src/server/http/stats.ts';
import type { Store } from '../../../src/server/store/sql.ts';
import { freshStore, STORE_KINDS } from '../helpers/stores.ts';
import { addPoints, edited, visit, writeVisits } from './visits.ts';

const now = () => new Date('2026-06-01T10:00:00Z');
let app: FastifyInstance | null = null;

async function serve(store: Store): Promise<FastifyInstance> {
  app = Fastify();
  await app.register(statsRoutes, { prefix: '/api/v1', store, now });
  await app.register(exportRoutes, { prefix: '/api/v1', store, now });
  return app;
}

afterEach(async () => {
  await app?.close();
  app = null;
});

const BOM = '\uFEFF';
const VISIT_HEADER =
  'id;point_id;point_name;kind;date;arrived_at;started_at;ended_at;wait_minutes;help_minutes;topics;device_type;device_os;' +
  'device_ownership;problem;age_band;language;first_visit;groups;outcome;referred_to;effort;contact;people;barrier;created_at;updated_at';

describe.each(STORE_KINDS)('statistics and exports over HTTP on the %s store', (kind) => {
  it('answers GET /api/v1/stats with the protocol shape', async () => {
    const store = await freshStore(kind);
    await addPoints(store, { marta: 'mARTa' });
    await writeVisits(store, [visit({ pointId: 'marta', arrivedAt: '2026-05-04T10:15:00+02:00', topics: ['itsme'] })]);
    const response = await (await serve(store)).inject({ url: '/api/v1/stats?from=2026-05-01&to=2026-05-31&point=marta' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      from: '2026-05-01',
      to: '2026-05-31',
      point: 'marta',
      kind: null,
      totals: { visits: 1, questions: 1, deviceSessions: 0, firstVisits: 0, people: 1, barriers: 0 },
      byDay: [{ date: '2026-05-04', count: 1 }],
      byTopic: [{ code: 'itsme', count: 1 }],
      heatmap: [{ weekday: 1, hour: 10, count: 1 }],
      waitMinutes: null,
      helpMinutes: null,
    });
  });

  it('refuses a question it cannot answer with a 400 that says why', async () => {
    const store = await freshStore(kind);
    await addPoints(store, { marta: 'mARTa' });
    const server = await serve(store);
    const cases: [string, RegExp][] = [
      ['/api/v1/stats?from=2026-05-31&to=2026-05-01', /after/],
      ['/api/v1/stats?from=2026-02-30&to=2026-03-01', /not a date/],
      ['/api/v1/stats?from=yesterday&to=2026-03-01', /from/],
      ['/api/v1/stats?to=2026-03-01', /from/],
      ['/api/v1/stats?from=2020-01-01&to=2023-01-02', /3 years/],
      ['/api/v1/stats?from=2026-01-01&to=2026-01-31&point=nowhere', /nowhere/],
      ['/api/v1/stats?from=2026-01-01&to=2026-01-31&kind=coffee', /kind/],
      ['/api/v1/export.csv?from=2026-05-31&to=2026-05-01', /after/],
      ['/api/v1/export.csv?from=2026-01-01&to=2026-01-31&point=nowhere', /nowhere/],
      ['/api/v1/export/open-data.csv?from=2026-01-01', /to/],
    ];
    for (const [url, message] of cases) {
      const response = await server.inject({ url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.json().message).toMatch(message);
    }
    // Exactly three years apart is still allowed.
    expect((await server.inject({ url: '/api/v1/stats?from=2023-01-01&to=2026-01-01' })).statusCode).toBe(200);
  });

  it('exports one row per visit as UTF-8 CSV with a BOM, semicolons, quoting and Brussels times, without notes or deletions', async () => {
    const store = await freshStore(kind);
    await addPoints(store, { predikheren: 'Bibliotheek "Het Predikheren"; centrum', marta: 'mARTa' });
    const withNote = visit({
      id: '01937000-0000-7000-8000-00000000000a',
      pointId: 'predikheren',
      arrivedAt: '2026-03-02T09:10:00+01:00',
      startedAt: '2026-03-02T09:16:00+01:00',
      endedAt: '2026-03-02T09:34:00+01:00',
      topics: ['itsme', 'health'],
      visitor: { ageBand: '65-79', language: 'nl', firstVisit: true, groups: ['senior'] },
      outcome: 'resolved',
      effort: 'guided',
      note: 'bring reading glasses next time',
      updatedAt: '2026-03-02T08:34:05Z',
    });
    const device = visit({
      id: '01937000-0000-7000-8000-00000000000b',
      pointId: 'marta',
      kind: 'device',
      arrivedAt: '2026-03-28T23:30:00Z',
      device: { type: 'smartphone', os: 'android', ownership: 'own' },
      problem: 'slow',
      topics: ['smartphone-basics'],
      contact: 'appointment',
      people: 2,
    });
    const deleted = visit({ pointId: 'marta', arrivedAt: '2026-03-10T10:00:00+01:00', note: 'deleted note', deleted: true });
    const later = visit({ pointId: 'marta', arrivedAt: '2026-03-31T22:30:00Z' }); // 1 April in Brussels
    await writeVisits(store, [device, withNote, deleted, later]);

    const response = await (await serve(store)).inject({ url: '/api/v1/export.csv?from=2026-03-01&to=2026-03-31' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="digibank-visits_2026-03-01_2026-03-31.csv"');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toBe(
      `${BOM}${VISIT_HEADER}\r\n` +
        '01937000-0000-7000-8000-00000000000a;predikheren;"Bibliotheek ""Het Predikheren""; centrum";question;2026-03-02;' +
        '2026-03-02 09:10:00;2026-03-02 09:16:00;2026-03-02 09:34:00;6;18;itsme,health;;;;;65-79;nl;true;senior;resolved;;guided;' +
        'walk-in;1;false;2026-03-02 09:10:00;2026-03-02 09:34:05\r\n' +
        '01937000-0000-7000-8000-00000000000b;marta;mARTa;device;2026-03-29;2026-03-29 00:30:00;;;;;smartphone-basics;smartphone;' +
        'android;own;slow;;;;;;;;appointment;2;false;2026-03-29 00:30:00;2026-03-29 00:30:00\r\n',
    );
    expect(response.body).not.toContain('glasses');

    const one = await app?.inject({ url: '/api/v1/export.csv?from=2026-03-01&to=2026-04-30&point=marta' });
    expect(one?.headers['content-disposition']).toBe('attachment; filename="digibank-visits_marta_2026-03-01_2026-04-30.csv"');
    expect(
      one?.body
        .trim()
        .split('\r\n')
        .map((line) => line.split(';')[5]),
    ).toEqual(['arrived_at', '2026-03-29 00:30:00', '2026-04-01 00:30:00']);
  });

  it('publishes open data by month and point with every count from 1 to 4 written <5', async () => {
    const store = await freshStore(kind);
    await addPoints(store, { predikheren: 'Het Predikheren', marta: 'mARTa' });
    const march = (day: number, hour = 10) => `2026-03-${String(day).padStart(2, '0')}T${hour}:00:00+01:00`;
    await writeVisits(store, [
      // Het Predikheren in March: six questions, five about itsme and one about the eID, two first visits, 8 people.
      ...[2, 3, 4, 5, 6].map((day) => visit({ pointId: 'predikheren', arrivedAt: march(day), topics: ['itsme'] })),
      visit({ pointId: 'predikheren', arrivedAt: march(9), topics: ['eid'], people: 3, visitor: { firstVisit: true } }),
      // mARTa in March: one question, one device session.
      visit({ pointId: 'marta', arrivedAt: march(10), topics: ['health'] }),
      visit({
        pointId: 'marta',
        kind: 'device',
        arrivedAt: march(11),
        device: { type: 'laptop' },
        topics: ['smartphone-basics'],
      }),
      // Het Predikheren in April: one question, a first visit.
      visit({ pointId: 'predikheren', arrivedAt: '2026-04-07T10:00:00+02:00', topics: ['itsme'], visitor: { firstVisit: true } }),
      // Outside the range.
      visit({ pointId: 'predikheren', arrivedAt: '2026-05-07T10:00:00+02:00', topics: ['itsme'] }),
    ]);
    // A visit logged in March and then deleted counts nowhere.
    const edit = visit({ pointId: 'predikheren', arrivedAt: march(12), topics: ['itsme'] });
    await writeVisits(store, [edit]);
    await writeVisits(store, [edited(edit, { deleted: true })]);

    const response = await (await serve(store)).inject({ url: '/api/v1/export/open-data.csv?from=2026-03-01&to=2026-04-30' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="digibank-open-data_2026-03-01_2026-04-30.csv"');
    const zeros = (n: number) => Array(n).fill('0').join(';');
    expect(response.body).toBe(
      `${BOM}month;point_id;point_name;visits;questions;device_sessions;first_visits;people;barriers;` +
        'topic_itsme;topic_eid;topic_government;topic_city-app;topic_health;topic_transport;topic_banking;topic_email;' +
        'topic_messaging;topic_smartphone-basics;topic_computer-basics;topic_forms-search;topic_work;topic_school;' +
        'topic_photos-files;topic_safety-privacy;topic_social-tariff;topic_device-loan;topic_training-info;' +
        'topic_internet-access;topic_other\r\n' +
        // itsme eid government city-app health | transport … messaging | smartphone-basics | the other 11
        `2026-03;marta;mARTa;<5;<5;<5;0;<5;0;0;0;0;0;<5;${zeros(4)};<5;${zeros(11)}\r\n` +
        `2026-03;predikheren;Het Predikheren;6;6;0;<5;8;0;5;<5;${zeros(19)}\r\n` +
        `2026-04;predikheren;Het Predikheren;<5;<5;0;<5;<5;0;<5;${zeros(20)}\r\n`,
    );
  });
});
