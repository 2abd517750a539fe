/**
 * The tablet's calls to the city endpoint outside the sync engine: pairing
 * and configuration (sync-protocol.md). `fetch` is passed in. Answers are
 * checked against the shared schemas; anything else counts as a failure.
 */
import Value from 'typebox/value';
import { API, ConfigResponse, type PairRequest, PairResponse } from '../../shared/protocol.ts';

/** `status` is the HTTP status, or 'network' when no usable answer came back. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number | 'network' };

export interface CityApi {
  pair(body: PairRequest): Promise<ApiResult<PairResponse>>;
  config(token: string): Promise<ApiResult<ConfigResponse>>;
}

export function createCityApi(fetchFn: typeof fetch, base: string = API): CityApi {
  async function call<T>(path: string, init: RequestInit, check: (body: unknown) => body is T): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, init);
    } catch {
      return { ok: false, status: 'network' };
    }
    if (!response.ok) return { ok: false, status: response.status };
    // A captive portal answers 200 with its own page: only a well-formed body counts.
    const body: unknown = await response.json().catch(() => undefined);
    return check(body) ? { ok: true, value: body } : { ok: false, status: 'network' };
  }
  return {
    pair: (body) =>
      call(
        '/devices/pair',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        (value): value is PairResponse => Value.Check(PairResponse, value),
      ),
    config: (token) =>
      call('/config', { headers: { authorization: `Bearer ${token}` } }, (value): value is ConfigResponse =>
        Value.Check(ConfigResponse, value),
      ),
  };
}
