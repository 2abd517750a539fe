/**
 * Who is calling. Every route under /api declares `config.auth`
 * ('none' | 'device' | 'coordinator'); this hook enforces it before the body
 * is read. Devices prove themselves with a bearer token, coordinators with a
 * session cookie; both secrets are looked up by their hash, so a revoked
 * token or an ended session is refused on its very next request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API } from '../../shared/protocol.ts';
import { sha256 } from '../security/secrets.ts';
import { useSession } from '../store/access.ts';
import { deviceForToken } from '../store/devices.ts';
import { HttpError, type RouteContext } from './context.ts';

/** The session cookie: __Host- prefixed and Secure unless the server is only reached on this machine. */
export interface CookiePolicy {
  name: string;
  secure: boolean;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function cookiePolicy(publicOrigin: string): CookiePolicy {
  const url = new URL(publicOrigin);
  const local = LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
  return local && url.protocol === 'http:'
    ? { name: 'digibank_session', secure: false }
    : { name: '__Host-digibank_session', secure: true };
}

export function sessionCookieOptions(policy: CookiePolicy, maxAgeMs: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: policy.secure,
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9._~+/-]{16,200}=*)$/.exec(header.trim());
  return match?.[1] ?? null;
}

export function installAuth(app: FastifyInstance, context: RouteContext): void {
  const cookie = cookiePolicy(context.config.publicOrigin);
  app.decorateRequest('deviceId', null);
  app.decorateRequest('coordinator', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith(`${API}/`) && route.config?.auth === undefined) {
      throw new Error(`route ${route.method} ${url} must declare config.auth ('none', 'device' or 'coordinator')`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const auth = request.routeOptions.config?.auth ?? 'none';
    if (auth === 'device') {
      const token = bearerToken(request);
      const deviceId = token ? await deviceForToken(context.store, sha256(token)) : null;
      if (!deviceId) {
        throw new HttpError(401, 'unknown or revoked device token: pair this tablet again', {
          'WWW-Authenticate': 'Bearer realm="digibank"',
        });
      }
      request.deviceId = deviceId;
    } else if (auth === 'coordinator') {
      const sessionId = request.cookies[cookie.name];
      const sessionHash = sessionId ? sha256(sessionId) : null;
      const session = sessionHash ? await useSession(context.store, sessionHash, context.now(), context.config.session) : null;
      if (!session || !sessionHash) throw new HttpError(401, 'sign in as a coordinator first');
      request.coordinator = { id: session.coordinatorId, username: session.username, sessionHash };
    }
  });
}
