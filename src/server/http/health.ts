/** GET /healthz: 200 once the database answers, 503 (with Retry-After) while it does not. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { Store } from '../store/sql.ts';
import type { RouteContext } from './context.ts';
import { RETRY_AFTER_SECONDS } from './plumbing.ts';

const HEALTH_TIMEOUT_MS = 2_000;

async function databaseAnswers(store: Store): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.query('SELECT 1').then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { store }) => {
  app.get(
    '/healthz',
    {
      config: { auth: 'none' },
      logLevel: 'warn', // load balancers ask every few seconds
      schema: {
        summary: 'Whether this server and its database answer',
        response: {
          200: Type.Object({ status: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('unavailable') }),
        },
      },
    },
    async (_request, reply) => {
      if (await databaseAnswers(store)) return reply.header('Cache-Control', 'no-store').send({ status: 'ok' });
      return reply
        .code(503)
        .header('Cache-Control', 'no-store')
        .header('Retry-After', String(RETRY_AFTER_SECONDS))
        .send({ status: 'unavailable' });
    },
  );
};
