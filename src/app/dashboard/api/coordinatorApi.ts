/**
 * The dashboard's calls to the city endpoint, one function per coordinator
 * endpoint of sync-protocol.md. `fetch` is passed in; the session is the
 * HttpOnly cookie the browser sends by itself (same origin).
 */
import type { Kind } from '../../../shared/taxonomy.ts';
import type { DeviceSummary, PairingCode, PointRecord, StatsAnswer, StatsQuery } from './types.ts';

export const API_BASE = '/api/v1';

/** A call that did not succeed: the HTTP status, or 'network' when no answer came back. */
export class ApiError extends Error {
  constructor(
    readonly status: number | 'network',
    message: string,
  ) {
    super(message);
  }
}

export type SignInResult = 'ok' | 'wrong' | 'too-many';
export type SetupResult = 'ok' | 'bad-code' | 'exists' | 'too-many' | 'invalid';

export interface CoordinatorApi {
  /** The signed-in coordinator's name, or null when no session is open. */
  session(): Promise<string | null>;
  signIn(username: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
  /** True while the server has no coordinator yet and accepts its printed setup code. */
  setupNeeded(): Promise<boolean>;
  setup(setupCode: string, username: string, password: string): Promise<SetupResult>;
  points(): Promise<PointRecord[]>;
  addPoint(point: PointRecord): Promise<PointRecord>;
  updatePoint(id: string, change: { name?: string; active?: boolean }): Promise<PointRecord>;
  devices(): Promise<DeviceSummary[]>;
  revokeDevice(id: string): Promise<void>;
  newPairingCode(): Promise<PairingCode>;
  stats(query: StatsQuery): Promise<StatsAnswer>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** from, to and the optional point and kind as a query string, in a fixed order. */
export function periodQuery(query: { from: string; to: string; point?: string | null; kind?: Kind | null }): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.point) params.set('point', query.point);
  if (query.kind) params.set('kind', query.kind);
  return params.toString();
}

/** The visit CSV of a period (and point): a plain link, so the browser downloads it with the session cookie. */
export const visitsCsvUrl = (query: { from: string; to: string; point?: string | null }): string =>
  `${API_BASE}/export.csv?${periodQuery({ from: query.from, to: query.to, point: query.point ?? null })}`;

export const openDataCsvUrl = (query: { from: string; to: string }): string =>
  `${API_BASE}/export/open-data.csv?${periodQuery({ from: query.from, to: query.to })}`;

export function createCoordinatorApi(fetchFn: typeof fetch, base: string = API_BASE): CoordinatorApi {
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetchFn(`${base}${path}`, { credentials: 'same-origin', ...init });
    } catch {
      throw new ApiError('network', 'the city endpoint could not be reached');
    }
  }

  async function expect<T>(response: Response): Promise<T> {
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      throw new ApiError(response.status, body?.message ?? response.statusText);
    }
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch {
      // A proxy's or portal's HTML page is not an answer.
      throw new ApiError('network', 'the answer was not JSON');
    }
  }

  const call = async <T>(path: string, init?: RequestInit): Promise<T> => expect<T>(await send(path, init));
  const jsonBody = (method: string, body: unknown): RequestInit => ({
    method,
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
  });

  return {
    async session() {
      const response = await send('/session');
      if (response.status === 401) return null;
      return (await expect<{ username: string }>(response)).username;
    },
    async signIn(username, password) {
      const response = await send('/session', jsonBody('POST', { username, password }));
      if (response.status === 401) return 'wrong';
      if (response.status === 429) return 'too-many';
      await expect<void>(response);
      return 'ok';
    },
    async signOut() {
      const response = await send('/session', { method: 'DELETE' });
      // Signed out already (an expired session) is what was asked for.
      if (response.status !== 401) await expect<void>(response);
    },
    async setupNeeded() {
      const response = await send('/setup');
      // A server without the first-account route has its coordinators made with the admin CLI.
      if (response.status === 404) return false;
      return (await expect<{ setupNeeded: boolean }>(response)).setupNeeded;
    },
    async setup(setupCode, username, password) {
      const response = await send('/setup', jsonBody('POST', { setupCode, username, password }));
      if (response.status === 400) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        return /setup code/i.test(body?.message ?? '') ? 'bad-code' : 'invalid';
      }
      if (response.status === 409) return 'exists';
      if (response.status === 429) return 'too-many';
      await expect<unknown>(response);
      return 'ok';
    },
    points: async () => (await call<{ points: PointRecord[] }>('/points')).points,
    addPoint: (point) => call<PointRecord>('/points', jsonBody('POST', point)),
    updatePoint: (id, change) => call<PointRecord>(`/points/${encodeURIComponent(id)}`, jsonBody('PATCH', change)),
    devices: async () => (await call<{ devices: DeviceSummary[] }>('/devices')).devices,
    revokeDevice: (id) => call<void>(`/devices/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    newPairingCode: () => call<PairingCode>('/pairing-codes', { method: 'POST' }),
    stats: (query) => call<StatsAnswer>(`/stats?${periodQuery(query)}`),
  };
}
