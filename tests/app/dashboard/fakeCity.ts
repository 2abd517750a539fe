/**
 * A fake city endpoint for the dashboard's tests: the coordinator endpoints
 * of sync-protocol.md answered from memory (a session cookie, points,
 * tablets, pairing codes, statistics from a function the test gives), with
 * every request recorded.
 */
import type { DeviceSummary, PointRecord, StatsAnswer, StatsQuery } from '../../../src/app/dashboard/api/types.ts';

export const PASSWORD = 'correct horse battery';

export function emptyStats(query: StatsQuery): StatsAnswer {
  return {
    from: query.from,
    to: query.to,
    point: query.point ?? null,
    kind: query.kind ?? null,
    totals: { visits: 0, questions: 0, deviceSessions: 0, firstVisits: 0, people: 0, barriers: 0 },
    byDay: [],
    byPoint: [],
    byTopic: [],
    byProblem: [],
    byAgeBand: [],
    byLanguage: [],
    byGroup: [],
    byOutcome: [],
    byReferral: [],
    byEffort: [],
    byContact: [],
    heatmap: [],
    waitMinutes: null,
    helpMinutes: null,
    byDeviceType: [],
    byDeviceOs: [],
    byDeviceOwnership: [],
    barriersByTopic: [],
    barriersByPoint: [],
  };
}

export interface FakeCityOptions {
  coordinators?: Record<string, string>;
  signedIn?: boolean;
  setupCode?: string | null;
  points?: PointRecord[];
  devices?: DeviceSummary[];
  stats?: (query: StatsQuery) => Partial<StatsAnswer>;
  pairingCodes?: string[];
}

/** The JSON bodies the dashboard sends (sign-in, setup, points): read loosely, as a server's schema would check them. */
type Body = Record<string, string | boolean | undefined> & { username?: string; password?: string; setupCode?: string };

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export class FakeCity {
  readonly requests: Recorded[] = [];
  coordinators: Record<string, string>;
  signedInAs: string | null;
  setupCode: string | null;
  points: PointRecord[];
  devices: DeviceSummary[];
  stats: (query: StatsQuery) => Partial<StatsAnswer>;
  private codes: string[];

  constructor(options: FakeCityOptions = {}) {
    this.coordinators = options.coordinators ?? { griet: PASSWORD };
    this.signedInAs = options.signedIn ? (Object.keys(this.coordinators)[0] ?? null) : null;
    this.setupCode = options.setupCode ?? null;
    this.points = options.points ?? [];
    this.devices = options.devices ?? [];
    this.stats = options.stats ?? (() => ({}));
    this.codes = options.pairingCodes ?? ['ABCDEFGH'];
  }

  /** Ends the session on the server side, as its idle time-out does. */
  endSession(): void {
    this.signedInAs = null;
  }

  statsCalls(): StatsQuery[] {
    return this.requests
      .filter((r) => r.path === '/api/v1/stats')
      .map((r) => ({
        from: r.query.get('from') ?? '',
        to: r.query.get('to') ?? '',
        point: r.query.get('point'),
        kind: r.query.get('kind') as StatsQuery['kind'],
      }));
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'https://checkin.example');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as Body) : {};
    this.requests.push({ method, path: url.pathname, query: url.searchParams, body });
    return this.answer(method, url.pathname, url.searchParams, body);
  };

  private answer(method: string, path: string, query: URLSearchParams, body: Body): Response {
    const route = `${method} ${path.replace(/^\/api\/v1/, '')}`;
    if (route === 'POST /session') {
      if (!body.username || this.coordinators[body.username] !== body.password)
        return error(401, 'unknown username or wrong password');
      this.signedInAs = body.username;
      return new Response(null, { status: 204 });
    }
    if (route === 'GET /setup') return json(200, { setupNeeded: this.setupCode !== null });
    if (route === 'POST /setup') {
      if (this.setupCode === null) return error(409, 'the first coordinator exists already: sign in');
      if (String(body.setupCode).replace(/-/g, '').toUpperCase() !== this.setupCode)
        return error(400, 'this setup code is not valid: copy it again from the server output');
      const username = String(body.username);
      this.coordinators[username] = String(body.password);
      this.signedInAs = username;
      this.setupCode = null;
      return json(201, { username: body.username });
    }
    if (!this.signedInAs) return error(401, 'sign in as a coordinator first');
    if (route === 'GET /session') return json(200, { username: this.signedInAs });
    if (route === 'DELETE /session') {
      this.signedInAs = null;
      return new Response(null, { status: 204 });
    }
    if (route === 'GET /points') return json(200, { points: this.points });
    if (route === 'POST /points') {
      if (this.points.some((p) => p.id === body.id)) return error(409, `a point with id "${body.id}" exists already`);
      const point = { id: String(body.id), name: String(body.name), active: body.active !== false };
      this.points.push(point);
      return json(201, point);
    }
    const pointMatch = /^PATCH \/points\/(.+)$/.exec(route);
    if (pointMatch) {
      const point = this.points.find((p) => p.id === decodeURIComponent(pointMatch[1] ?? ''));
      if (!point) return error(404, 'no point');
      Object.assign(point, body);
      return json(200, point);
    }
    if (route === 'GET /devices') return json(200, { devices: this.devices });
    const deviceMatch = /^DELETE \/devices\/(.+)$/.exec(route);
    if (deviceMatch) {
      const device = this.devices.find((d) => d.id === deviceMatch[1]);
      if (!device) return error(404, 'no such device');
      // Times in the browser's zone, so the screen shows the same clock time wherever the tests run.
      device.revokedAt = new Date(2026, 10, 23, 10, 0).toISOString();
      return new Response(null, { status: 204 });
    }
    if (route === 'POST /pairing-codes') {
      const code = this.codes.shift() ?? 'ZZZZZZZZ';
      return json(201, { code, expiresAt: new Date(2026, 10, 24, 11, 0).toISOString() });
    }
    if (route === 'GET /stats') {
      const q: StatsQuery = {
        from: query.get('from') ?? '',
        to: query.get('to') ?? '',
        point: query.get('point'),
        kind: query.get('kind') as StatsQuery['kind'],
      };
      return json(200, { ...emptyStats(q), ...this.stats(q) });
    }
    return error(404, `no route ${route}`);
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

const error = (status: number, message: string) =>
  json(status, { statusCode: status, error: status === 401 ? 'Unauthorized' : 'Error', message });

/** A Storage of a fresh browser profile. */
export function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map(Object.entries(initial));
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}
