/**
 * The load generator of the ingest benchmark: `c` tablets, each on its own
 * kept-alive connection, each sending its prepared requests one after
 * another (a tablet never has two syncs in flight), all tablets at once.
 * Bodies are prepared and gzipped before the clock starts, so the generator
 * spends its time on the wire, not on making visits.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { API } from '../../../src/shared/protocol.ts';
import { uuidv7 } from '../../../src/shared/uuid.ts';
import type { VisitRecord } from '../../../src/shared/visit.ts';
import { clock } from '../lib/summary.ts';

export interface PreparedTablet {
  token: string;
  /** gzipped POST /sync bodies, sent in order */
  bodies: Buffer[];
  visitsPerBody: number;
}

/** Fresh ids on copies of the demo pool: the city sees new visits with the generator's mix of content. */
export function prepareTablet(
  token: string,
  pool: readonly VisitRecord[],
  requests: number,
  visitsPerBody: number,
): PreparedTablet {
  const bodies: Buffer[] = [];
  let next = 0;
  for (let r = 0; r < requests; r++) {
    const visits: VisitRecord[] = [];
    for (let v = 0; v < visitsPerBody; v++) {
      const template = pool[next++ % pool.length] as VisitRecord;
      visits.push({ ...template, id: uuidv7(Date.parse(template.arrivedAt)) });
    }
    bodies.push(gzipSync(JSON.stringify({ visits })));
  }
  return { token, bodies, visitsPerBody };
}

export interface LoadResult {
  wallMs: number;
  visits: number;
  requests: number;
  latenciesMs: number[];
  /** results other than `applied`, and non-200 answers: must be 0 for a valid run */
  notApplied: number;
}

function post(agent: http.Agent, origin: URL, token: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: origin.hostname,
        port: origin.port,
        method: 'POST',
        path: `${API}/sync`,
        agent,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-encoding': 'gzip',
          'content-length': body.byteLength,
          authorization: `Bearer ${token}`,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const countApplied = (text: string): number => (text.match(/"status":"applied"/g) ?? []).length;

export async function runLoad(origin: string, tablets: readonly PreparedTablet[]): Promise<LoadResult> {
  const url = new URL(origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: tablets.length });
  const latenciesMs: number[] = [];
  let notApplied = 0;
  let visits = 0;
  const started = clock();
  await Promise.all(
    tablets.map(async (tablet) => {
      for (const body of tablet.bodies) {
        const sentAt = clock();
        const answer = await post(agent, url, tablet.token, body);
        latenciesMs.push(clock() - sentAt);
        const applied = answer.status === 200 ? countApplied(answer.text) : 0;
        notApplied += tablet.visitsPerBody - applied;
        visits += applied;
      }
    }),
  );
  const wallMs = clock() - started;
  agent.destroy();
  return { wallMs, visits, requests: latenciesMs.length, latenciesMs, notApplied };
}
