/**
 * One round trip to the city, turned into what it means for the outbox.
 * Only a well-formed answer counts: a 200 must be a JSON object with exactly
 * one result per sent visit, ids in request order. A captive portal's page,
 * a proxy's error or a truncated body is a failed attempt like a lost connection.
 */
import { API, type ClientInfo, type SyncResult } from '../../shared/protocol.ts';
import type { VisitRecord } from '../../shared/visit.ts';
import type { FieldError } from '../../shared/visitRules.ts';
import { retryAfterDelay } from './backoff.ts';
import type { Clock, Compress, FetchLike, Timers } from './ports.ts';

export type SyncAnswer =
  | { kind: 'answered'; results: SyncResult[] }
  | { kind: 'too-large' }
  | { kind: 'unauthorized' }
  /** 429 or 503 with a usable Retry-After. */
  | { kind: 'retry-after'; delayMs: number }
  | { kind: 'failed'; reason: string };

export interface TransportDeps {
  fetch: FetchLike;
  now: Clock;
  timers: Timers;
  compress: Compress | null;
  baseUrl: string;
}

const STATUSES = new Set(['applied', 'unchanged', 'stale', 'rejected']);

class TimedOut extends Error {}

/** Runs `work` with an abort signal that fires after `ms`; a hung promise still ends. */
async function withTimeout<T>(timers: Timers, ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: unknown;
  const expired = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(() => {
      controller.abort();
      reject(new TimedOut());
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    timers.clearTimeout(timer);
  }
}

const describeFailure = (error: unknown) => (error instanceof TimedOut ? 'timeout' : 'network');

/** A POST /sync body ready to send: the visits it holds and their JSON, gzipped when the platform can. */
export interface SyncBody {
  visits: VisitRecord[];
  payload: Uint8Array<ArrayBuffer>;
  gzipped: boolean;
}

/** Encodes visits and the heartbeat as a request body; `json` is the same body already encoded, to reuse a size check. */
export async function encodeSyncBody(
  deps: Pick<TransportDeps, 'compress'>,
  body: { visits: VisitRecord[]; client: ClientInfo },
  json: Uint8Array<ArrayBuffer> = new TextEncoder().encode(JSON.stringify(body)),
): Promise<SyncBody> {
  if (!deps.compress) return { visits: body.visits, payload: json, gzipped: false };
  return { visits: body.visits, payload: await deps.compress(json), gzipped: true };
}

export async function postSync(deps: TransportDeps, token: string, body: SyncBody, timeoutMs: number): Promise<SyncAnswer> {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    authorization: `Bearer ${token}`,
  };
  if (body.gzipped) headers['content-encoding'] = 'gzip';
  const payload = body.payload;
  try {
    return await withTimeout(deps.timers, timeoutMs, async (signal) => {
      const response = await deps.fetch(`${deps.baseUrl}${API}/sync`, { method: 'POST', headers, body: payload, signal });
      const status = Number(response.status);
      const text = await response.text();
      if (status === 200) return readResults(text, body.visits);
      if (status === 401) return { kind: 'unauthorized' };
      if (status === 413) return { kind: 'too-large' };
      if (status === 429 || status === 503) {
        const delayMs = retryAfterDelay(response.headers.get('retry-after'), deps.now());
        if (delayMs !== null) return { kind: 'retry-after', delayMs };
      }
      return { kind: 'failed', reason: `status ${status}` };
    });
  } catch (error) {
    return { kind: 'failed', reason: describeFailure(error) };
  }
}

function readResults(text: string, sent: VisitRecord[]): SyncAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'failed', reason: 'answer is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'failed', reason: 'answer is not an object' };
  }
  const results = (parsed as { results?: unknown }).results;
  if (!Array.isArray(results) || results.length !== sent.length) {
    return { kind: 'failed', reason: 'answer does not hold one result per visit' };
  }
  const read: SyncResult[] = [];
  for (const [i, result] of results.entries()) {
    const item = result as { id?: unknown; status?: unknown; errors?: unknown } | null;
    if (typeof item !== 'object' || item === null || item.id !== sent[i]?.id || !STATUSES.has(item.status as string)) {
      return { kind: 'failed', reason: 'answer does not match the visits sent' };
    }
    const errors = Array.isArray(item.errors) ? item.errors.map(readFieldError) : undefined;
    read.push({ id: item.id as string, status: item.status as SyncResult['status'], ...(errors ? { errors } : {}) });
  }
  return { kind: 'answered', results: read };
}

/** Keeps only the three documented members of a server's field error. */
function readFieldError(value: unknown): FieldError {
  const error = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (member: unknown, fallback: string) => (typeof member === 'string' ? member : fallback);
  return {
    field: text(error.field, 'visit'),
    code: text(error.code, 'invalid') as FieldError['code'],
    message: text(error.message, ''),
  };
}

/** GET /healthz: the city answers and its database too. Used before resending after a failure. */
export async function cityReachable(deps: TransportDeps, timeoutMs: number): Promise<boolean> {
  try {
    return await withTimeout(deps.timers, timeoutMs, async (signal) => {
      const response = await deps.fetch(`${deps.baseUrl}/healthz`, { method: 'GET', signal });
      if (Number(response.status) !== 200) return false;
      const body = JSON.parse(await response.text()) as { status?: unknown } | null;
      return body?.status === 'ok';
    });
  } catch {
    return false;
  }
}
