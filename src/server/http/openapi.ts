/**
 * The OpenAPI document, generated from the route schemas (the same TypeBox
 * schemas the tablet validates with) and served at /api/v1/openapi.json.
 * Each operation's security follows its route's `config.auth`.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { API } from '../../shared/protocol.ts';
import type { AuthLevel } from './context.ts';

const SECURITY: Record<AuthLevel, Array<Record<string, string[]>>> = {
  none: [],
  device: [{ deviceToken: [] }],
  coordinator: [{ coordinatorSession: [] }],
};

export async function registerOpenApi(app: FastifyInstance, cookieName: string, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Digibank check-in — city endpoint',
        version,
        description:
          'Sync protocol v1: tablets push visits, coordinators manage points, tablets and statistics. ' +
          'POST /api/v1/setup creates the first coordinator with the setup code the server prints at start.',
      },
      components: {
        securitySchemes: {
          deviceToken: { type: 'http', scheme: 'bearer', description: 'the token a tablet got from POST /api/v1/devices/pair' },
          coordinatorSession: { type: 'apiKey', in: 'cookie', name: cookieName, description: 'from POST /api/v1/session' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const auth = route.config?.auth ?? 'none';
      return { schema: { ...schema, security: SECURITY[auth] } as typeof schema, url };
    },
  });
}

export async function openApiRoute(app: FastifyInstance): Promise<void> {
  app.get(`${API}/openapi.json`, { config: { auth: 'none' }, schema: { hide: true } }, async () => app.swagger());
}
