/**
 * Every route the city endpoint serves, read from its own route table, with
 * who may call it as its OpenAPI document says (generated from each route's
 * `config.auth`). A route added later is covered by the suites that use this
 * without anyone listing it; a route missing from the document fails them.
 */
import type { FastifyInstance } from 'fastify';
import { API } from '../../src/shared/protocol.ts';

export type Auth = 'none' | 'device' | 'coordinator';

export interface Route {
  method: string;
  /** As registered, e.g. /api/v1/points/:id */
  url: string;
  auth: Auth;
}

/** Routes served for everyone without being documented: the document itself. */
const UNDOCUMENTED_PUBLIC = new Set([`GET ${API}/openapi.json`, `HEAD ${API}/openapi.json`]);

/** (method, url) pairs from Fastify's printed route tree. */
export function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const parents: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of tree.split('\n')) {
    const branch = line.search(/[├└]── /);
    if (branch < 0) continue;
    const depth = branch / 4;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(branch + 4));
    if (!match) continue;
    const url = (depth > 0 ? (parents[depth - 1] ?? '') : '') + (match[1] ?? '');
    parents[depth] = url;
    parents.length = depth + 1;
    for (const method of (match[2] ?? '').split(',').map((m) => m.trim())) {
      if (method) routes.push({ method, url });
    }
  }
  return routes;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
}

function authOf(security: Record<string, string[]>[] | undefined): Auth {
  const schemes = (security ?? []).flatMap((requirement) => Object.keys(requirement));
  if (schemes.includes('coordinatorSession')) return 'coordinator';
  if (schemes.includes('deviceToken')) return 'device';
  return 'none';
}

/** Every registered route with its auth level. Throws when a route is neither documented nor a known public one. */
export async function routeTable(app: FastifyInstance): Promise<Route[]> {
  const document = (await app.inject({ method: 'GET', url: `${API}/openapi.json` })).json() as OpenApiDocument;
  return registeredRoutes(app).map(({ method, url }) => {
    const documented = document.paths[url.replace(/:(\w+)/g, '{$1}')];
    const operation = documented?.[(method === 'HEAD' ? 'get' : method).toLowerCase()];
    if (operation) return { method, url, auth: authOf(operation.security) };
    if (UNDOCUMENTED_PUBLIC.has(`${method} ${url}`)) return { method, url, auth: 'none' };
    throw new Error(`${method} ${url} is not in the OpenAPI document: document it, so its access rules are known`);
  });
}
