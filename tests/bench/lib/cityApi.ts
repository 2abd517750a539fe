/**
 * The calls a coordinator makes to set a city up for a benchmark, over HTTP
 * like the dashboard: sign in, add the demo points, pair tablets, read the
 * year's statistics.
 */
import { DEMO_POINTS } from '../../../src/server/admin/demoPoints.ts';
import { API, type PairResponse } from '../../../src/shared/protocol.ts';
import type { StatsAnswer } from '../../../src/shared/stats.ts';
import type { City } from './city.ts';

async function call(origin: string, path: string, init: RequestInit, expected: number): Promise<Response> {
  const response = await fetch(`${origin}${path}`, init);
  if (response.status !== expected) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  return response;
}

const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export interface Coordinator {
  origin: string;
  cookie: string;
}

export async function signIn(city: City): Promise<Coordinator> {
  const response = await call(city.origin, `${API}/session`, jsonInit('POST', city.coordinator), 204);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('signing in set no cookie');
  return { origin: city.origin, cookie };
}

/** The 22 demo points, so the demo generator's visits name known points. */
export async function addDemoPoints(coordinator: Coordinator): Promise<void> {
  for (const point of DEMO_POINTS) {
    await call(
      coordinator.origin,
      `${API}/points`,
      jsonInit('POST', { id: point.id, name: point.name }, { cookie: coordinator.cookie }),
      201,
    );
  }
}

export async function pairTablet(coordinator: Coordinator, label: string): Promise<PairResponse> {
  const codeAnswer = await call(
    coordinator.origin,
    `${API}/pairing-codes`,
    { method: 'POST', headers: { cookie: coordinator.cookie } },
    201,
  );
  const { code } = (await codeAnswer.json()) as { code: string };
  const paired = await call(coordinator.origin, `${API}/devices/pair`, jsonInit('POST', { code, label }), 201);
  return (await paired.json()) as PairResponse;
}

export async function yearStats(coordinator: Coordinator, from: string, to: string): Promise<StatsAnswer> {
  const response = await call(
    coordinator.origin,
    `${API}/stats?from=${from}&to=${to}`,
    { headers: { cookie: coordinator.cookie } },
    200,
  );
  return (await response.json()) as StatsAnswer;
}
