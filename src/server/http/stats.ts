/**
 * GET /api/v1/stats for coordinators (sync-protocol.md, "Statistics").
 * Registered by the app under the /api/v1 prefix, like every route group.
 */

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ErrorResponse, PointId } from '../../shared/coordinator.ts';
import { StatsAnswer } from '../../shared/stats.ts';
import { codesOf, KINDS } from '../../shared/taxonomy.ts';
import { getStats } from '../stats/getStats.ts';
import { rangeProblem } from '../stats/query.ts';
import { existingPointIds } from '../store/points.ts';
import type { Store } from '../store/sql.ts';
import { HttpError } from './context.ts';

export interface StatsRouteOptions {
  store: Store;
  now: () => Date;
}

export const LocalDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'a local date in Europe/Brussels, YYYY-MM-DD',
});

export const StatsQuerystring = Type.Object({
  from: LocalDate,
  to: LocalDate,
  point: Type.Optional(PointId),
  kind: Type.Optional(Type.Enum(codesOf(KINDS))),
});

/** Refuses a range or a point the statistics cannot answer, with a 400 that says why. */
export async function checkRangeAndPoint(store: Store, query: { from: string; to: string; point?: string | undefined }) {
  const problem = rangeProblem(query.from, query.to);
  if (problem) throw new HttpError(400, problem);
  if (query.point !== undefined && !(await existingPointIds(store, [query.point])).has(query.point)) {
    throw new HttpError(400, `point "${query.point}" is not a known point`);
  }
}

export default async function statsRoutes(fastify: FastifyInstance, opts: StatsRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = opts;
  app.get(
    '/stats',
    {
      config: { auth: 'coordinator' },
      schema: {
        summary: 'Counts of the visits whose Brussels arrival date lies in from…to (inclusive)',
        querystring: StatsQuerystring,
        response: { 200: StatsAnswer, '4xx': ErrorResponse },
      },
    },
    async (request) => {
      await checkRangeAndPoint(store, request.query);
      return getStats(store, request.query);
    },
  );
}
