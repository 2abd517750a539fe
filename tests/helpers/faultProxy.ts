/**
 * A real HTTP proxy on 127.0.0.1 between a tablet and the city endpoint that
 * misbehaves the way library and community-centre networks do. For every
 * request a plan decides what happens: it passes, the connection drops before
 * the request reaches the city, the city stores it but the answer is lost or
 * cut off, the answer is slow or never comes, a gateway answers 5xx (with or
 * without Retry-After), or a captive portal answers 200 with its own page.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  /** The connection drops before the request reaches the city. */
  | { kind: 'drop' }
  /** Real milliseconds before the request goes on (kept short: the suites run on fake clocks). */
  | { kind: 'delay'; ms: number }
  /** The city stores the request, then the connection drops before any answer (the lost acknowledgement). */
  | { kind: 'lose-answer' }
  /** The city answers; the connection drops halfway through the body. */
  | { kind: 'cut-answer' }
  /** The city answers; a broken middlebox passes only the first half of the body, as if complete. */
  | { kind: 'truncate-answer' }
  /** The city stores the request; its answer is held until the tablet gives up waiting. */
  | { kind: 'stall' }
  /** A gateway answers `status` itself; with `afterCity` only after the city handled the request. */
  | { kind: 'status'; status: 500 | 502 | 503; retryAfter?: string; afterCity?: boolean }
  /** A captive portal answers 200 with its login page. */
  | { kind: 'portal' };

export interface ProxiedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultProxyOptions {
  /** Where the city listens, e.g. http://127.0.0.1:43210 */
  upstream: string;
  /** Decides the fault for each request. */
  plan: (request: ProxiedRequest) => Fault;
  /** Runs when a request is about to reach the city (after the plan let it through), e.g. to let the host edit meanwhile. */
  beforeCity?: (request: ProxiedRequest) => Promise<void>;
}

export interface FaultProxy {
  /** http://127.0.0.1:port */
  url: string;
  /** How often each fault was injected. */
  counts: Map<Fault['kind'], number>;
  /** Answers held back right now (a `stall`): the tablet's clock has to run out for them. */
  stalled(): number;
  close(): Promise<void>;
}

const PORTAL_PAGE =
  '<!doctype html><html lang="nl"><title>Wifi Bibliotheek</title><form method="post">' +
  '<p>Welkom! Aanvaard de gebruiksvoorwaarden om verder te surfen.</p><button>Aanvaarden</button></form></html>';

const GATEWAY_PAGE = (status: number) =>
  `<html><body><h1>${status}</h1>The upstream server did not answer in time.</body></html>`;

interface CityAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function forward(upstream: URL, proxied: ProxiedRequest): Promise<CityAnswer> {
  return new Promise((resolve, reject) => {
    const headers = { ...proxied.headers, host: upstream.host, connection: 'close' };
    const outgoing = request(
      { host: upstream.hostname, port: upstream.port, method: proxied.method, path: proxied.path, headers, agent: false },
      (answer) => {
        readBody(answer).then((body) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body }), reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(proxied.body);
  });
}

/** The city's headers minus those that describe the connection or the body's length. */
function passedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (['connection', 'content-length', 'transfer-encoding', 'keep-alive'].includes(name) || value === undefined) continue;
    passed[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return passed;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const counts = new Map<Fault['kind'], number>();
  let stalled = 0;

  async function handle(incoming: IncomingMessage, reply: ServerResponse): Promise<void> {
    // Listened for from the start: a tablet may give up while its request is still on its way to the city.
    let closed = false;
    let holding = false;
    reply.on('close', () => {
      closed = true;
      if (holding) stalled--;
    });
    const proxied: ProxiedRequest = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body: await readBody(incoming),
    };
    let fault = options.plan(proxied);
    counts.set(fault.kind, (counts.get(fault.kind) ?? 0) + 1);
    if (fault.kind === 'delay') {
      await new Promise((resolve) => setTimeout(resolve, fault.kind === 'delay' ? fault.ms : 0));
      fault = { kind: 'pass' };
    }
    switch (fault.kind) {
      case 'drop':
        incoming.socket.destroy();
        return;
      case 'portal':
        reply.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PORTAL_PAGE);
        return;
      case 'status':
        if (!fault.afterCity) {
          const headers = { 'content-type': 'text/html', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) };
          reply.writeHead(fault.status, headers).end(GATEWAY_PAGE(fault.status));
          return;
        }
        break;
      default:
        break;
    }

    await options.beforeCity?.(proxied);
    const answer = await forward(upstream, proxied);
    switch (fault.kind) {
      case 'lose-answer':
        incoming.socket.destroy();
        return;
      case 'cut-answer':
        reply.writeHead(answer.status, { ...passedHeaders(answer.headers), 'content-length': String(answer.body.length) });
        reply.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => incoming.socket.destroy());
        return;
      case 'truncate-answer':
        reply
          .writeHead(answer.status, passedHeaders(answer.headers))
          .end(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
        return;
      case 'status': {
        const headers = { 'content-type': 'text/html', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) };
        reply.writeHead(fault.status, headers).end(GATEWAY_PAGE(fault.status));
        return;
      }
      case 'stall':
        // Held until the tablet gives up and closes the connection; one that already has is not waiting for it.
        if (closed) return;
        holding = true;
        stalled++;
        return;
      default:
        reply.writeHead(answer.status, passedHeaders(answer.headers)).end(answer.body);
    }
  }

  const server = createServer((incoming, reply) => {
    handle(incoming, reply).catch(() => incoming.socket.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    stalled: () => stalled,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
