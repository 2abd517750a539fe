/**
 * A city endpoint that follows sync protocol v1 (design/sync-protocol.md), in
 * memory, behind a `fetch`. The story can script what the network does to
 * the next calls: drop them, hang, lose the answer, or hand back a captive
 * portal's page.
 */
import { gunzipSync } from 'node:zlib';
import type { FetchLike } from '../../../src/app/sync/ports.ts';
import type { ClientInfo, SyncResult } from '../../../src/shared/protocol.ts';
import { checkVisit } from '../../../src/shared/visitRules.ts';

export type NetworkEvent =
  /** The connection drops before the request arrives. */
  | { kind: 'drop' }
  /** The request arrives and is stored, but the answer never reaches the tablet. */
  | { kind: 'lose-answer' }
  /** Nothing comes back until the tablet gives up. */
  | { kind: 'hang' }
  /** Someone else answers (a captive portal, a proxy) or the server answers this status. */
  | { kind: 'respond'; status: number; body: string; headers?: Record<string, string> }
  /** The server answers, but the body is cut after `bytes`. */
  | { kind: 'truncate'; bytes: number };

export interface ReceivedSync {
  visits: { id: string; rev: number }[];
  client: ClientInfo | undefined;
  gzip: boolean;
}

interface Row {
  rev: number;
  content: string;
  owner: string;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

export class FakeCity {
  readonly rows = new Map<string, Row>();
  readonly syncCalls: ReceivedSync[] = [];
  readonly healthChecks: number[] = [];
  private readonly tokens = new Map<string, string>();
  private readonly script: NetworkEvent[] = [];
  private readonly healthScript: NetworkEvent[] = [];
  private arrivals: (() => void)[] = [];
  /** Largest batch this server takes before answering 413 (the protocol's own limit is 500). */
  maxVisits = 500;
  /** Called with the visits of each sync call before it is processed: the tablet may change meanwhile. */
  whileInFlight: ((visits: { id: string; rev: number }[]) => Promise<void>) | null = null;
  /** While true, every request fails as if the wifi were gone. */
  offline = false;
  /** How many sync calls are being handled at this moment, and the most ever at once. */
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly now: () => number) {}

  pair(deviceId: string, token: string): void {
    this.tokens.set(token, deviceId);
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** The next sync calls meet these network events, in order; then the network behaves. */
  next(...events: NetworkEvent[]): void {
    this.script.push(...events);
  }

  /** The same for the next calls to /healthz. */
  nextHealth(...events: NetworkEvent[]): void {
    this.healthScript.push(...events);
  }

  /** Resolves when the next request (of any kind) reaches the network. */
  requestArrives(): Promise<void> {
    return new Promise((resolve) => this.arrivals.push(resolve));
  }

  revOf(id: string): number | undefined {
    return this.rows.get(id)?.rev;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const health = url.endsWith('/healthz');
    const event = (health ? this.healthScript : this.script).shift();
    for (const arrived of this.arrivals.splice(0)) arrived();
    if (this.offline) throw new TypeError('Failed to fetch');
    if (event?.kind === 'drop') throw new TypeError('Failed to fetch');
    if (event?.kind === 'hang') return hang(init.signal);
    if (event?.kind === 'respond') return new Response(event.body, { status: event.status, headers: event.headers });
    const answer = health ? this.health() : await this.sync(init);
    if (event?.kind === 'lose-answer') throw new TypeError('network connection was lost');
    if (event?.kind === 'truncate') return new Response((await answer.text()).slice(0, event.bytes), { status: answer.status });
    return answer;
  };

  private health(): Response {
    this.healthChecks.push(this.now());
    return Response.json({ status: 'ok' });
  }

  private async sync(init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    const owner = this.tokens.get((headers.get('authorization') ?? '').replace(/^Bearer /, ''));
    if (owner === undefined) return Response.json({ error: 'unauthorized' }, { status: 401 });
    const raw = Buffer.from(init.body as Uint8Array);
    const gzip = headers.get('content-encoding') === 'gzip';
    const plain = gzip ? gunzipSync(raw) : raw;
    const text = plain.toString('utf8');
    if (plain.byteLength > 1024 * 1024) return Response.json({ error: 'too large' }, { status: 413 });
    const body = JSON.parse(text) as { visits: Record<string, unknown>[]; client?: ClientInfo };
    if (!Array.isArray(body.visits)) return Response.json({ error: 'bad request' }, { status: 400 });
    if (body.visits.length > this.maxVisits) return Response.json({ error: 'too large' }, { status: 413 });
    const sent = body.visits.map((v) => ({ id: String(v.id), rev: Number(v.rev) }));
    this.syncCalls.push({ visits: sent, client: body.client, gzip });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.whileInFlight?.(sent);
      const results = body.visits.map((visit) => this.store(visit, owner));
      return Response.json({ results, serverTime: new Date(this.now()).toISOString() });
    } finally {
      this.inFlight--;
    }
  }

  private store(value: Record<string, unknown>, owner: string): SyncResult {
    const id = String(value.id);
    const check = checkVisit(value, this.now());
    if (!check.ok) return { id, status: 'rejected', errors: check.errors };
    const row = this.rows.get(id);
    const content = canonical(check.visit);
    if (row && row.owner !== owner) {
      return { id, status: 'rejected', errors: [{ field: 'id', code: 'forbidden', message: 'not this device’s visit' }] };
    }
    if (row && row.rev > check.visit.rev) return { id, status: 'stale' };
    if (row && row.rev === check.visit.rev) {
      if (row.content === content) return { id, status: 'unchanged' };
      return { id, status: 'rejected', errors: [{ field: 'rev', code: 'conflict', message: 'same rev, other content' }] };
    }
    this.rows.set(id, { rev: check.visit.rev, content, owner });
    return { id, status: 'applied' };
  }
}

function hang(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
}
