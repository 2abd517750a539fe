/**
 * buildApp(deps) → the city endpoint as a Fastify instance: every route of
 * sync protocol v1 under /api/v1, /healthz, the OpenAPI document and (when a
 * build is given) the tablet app. Everything with a side effect comes in
 * through `deps`, so tests drive it with app.inject(), a fixed clock and
 * a seeded random source.
 */
import cookie from '@fastify/cookie';
import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { DestinationStream } from 'pino';
import { API, MAX_BODY_BYTES } from '../shared/protocol.ts';
import { type AppConfig, DEFAULT_APP_CONFIG } from './config.ts';
import { cookiePolicy, installAuth } from './http/auth.ts';
import type { RouteContext } from './http/context.ts';
import exportRoutes from './http/export.ts';
import { fleetRoutes } from './http/fleet.ts';
import { securityHeaders } from './http/headers.ts';
import { healthRoutes } from './http/health.ts';
import { openApiRoute, registerOpenApi } from './http/openapi.ts';
import { pairingRoutes } from './http/pairing.ts';
import { installPlumbing, notFound } from './http/plumbing.ts';
import { pointRoutes } from './http/points.ts';
import { servePwa } from './http/pwa.ts';
import { sessionRoutes } from './http/session.ts';
import statsRoutes from './http/stats.ts';
import { syncRoutes } from './http/sync.ts';
import type { RandomSource } from './security/secrets.ts';
import type { Store } from './store/sql.ts';

export interface LoggerDeps {
  level: string;
  /** Where log lines go (stdout by default); tests capture it. */
  stream?: DestinationStream;
}

export interface AppDeps {
  store: Store;
  now: () => Date;
  randomBytes: RandomSource;
  logger: LoggerDeps | false;
  config?: Partial<AppConfig>;
}

/** Log lines say who called what and how it ended; never a body, a header, a token or a query string. */
function loggerOptions(logger: LoggerDeps | false) {
  if (!logger) return false;
  return {
    level: logger.level,
    ...(logger.stream ? { stream: logger.stream } : {}),
    redact: {
      paths: ['req.headers', 'req.body', 'req.query', 'res.headers', 'body', 'headers'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        path: request.url.split('?')[0],
        route: request.routeOptions?.url,
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const config: AppConfig = { ...DEFAULT_APP_CONFIG, ...deps.config };
  const app = Fastify({
    logger: loggerOptions(deps.logger),
    bodyLimit: MAX_BODY_BYTES,
    // One reverse proxy in front: only the last X-Forwarded-For entry (the address it saw) is believed;
    // the entries before it are whatever the client sent, and would let a guesser pick a fresh address per try.
    trustProxy: config.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    return503OnClosing: false, // plumbing answers 503 with Retry-After itself
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  const context: RouteContext = { store: deps.store, now: deps.now, random: deps.randomBytes, config };
  installPlumbing(app);
  await app.register(cookie); // parses cookies before the auth hook reads them
  installAuth(app, context);
  await securityHeaders(app, config.publicOrigin);
  await registerOpenApi(app, cookiePolicy(config.publicOrigin).name, '1');

  await app.register(healthRoutes, context);
  await app.register(
    async (api) => {
      await api.register(pairingRoutes, context);
      await api.register(syncRoutes, context);
      await api.register(sessionRoutes, context);
      await api.register(pointRoutes, context);
      await api.register(fleetRoutes, context);
      await api.register(statsRoutes, { store: deps.store, now: deps.now });
      await api.register(exportRoutes, { store: deps.store, now: deps.now });
    },
    { prefix: API },
  );
  await openApiRoute(app);

  if (config.staticDir) await servePwa(app, config.staticDir);
  else app.setNotFoundHandler(notFound);
  return app;
}
