/**
 * The tablet's calls: GET /config (points to choose from, server time) and
 * POST /sync (a batch of visits and a heartbeat), by sync-protocol.md.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../shared/coordinator.ts';
import { ConfigResponse, MAX_BATCH_VISITS, MAX_BODY_BYTES, SyncRequest, SyncResponse } from '../../shared/protocol.ts';
import { TAXONOMY_VERSION } from '../../shared/taxonomy.ts';
import { recordContact } from '../store/devices.ts';
import { listPoints } from '../store/points.ts';
import { writeVisits } from '../store/visitWrites.ts';
import { HttpError, type RouteContext } from './context.ts';

const errors = { '4xx': ErrorResponse };

export const syncRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { store, now }) => {
  app.get(
    '/config',
    {
      config: { auth: 'device' },
      schema: { summary: 'Points and taxonomy version for a tablet', response: { 200: ConfigResponse, ...errors } },
    },
    async (request) => {
      const at = now();
      await recordContact(store, request.deviceId as string, { now: at });
      const points = await listPoints(store, { activeOnly: true });
      return {
        points: points.map(({ id, name }) => ({ id, name })),
        taxonomyVersion: TAXONOMY_VERSION,
        serverTime: at.toISOString(),
      };
    },
  );

  app.post(
    '/sync',
    {
      bodyLimit: MAX_BODY_BYTES,
      config: { auth: 'device' },
      schema: {
        summary: 'Push visits (0–500, ≤ 1 MiB) and a heartbeat; one result per visit, in order',
        body: SyncRequest,
        response: { 200: SyncResponse, ...errors },
      },
      preValidation: async (request) => {
        const visits = (request.body as { visits?: unknown } | null)?.visits;
        if (Array.isArray(visits) && visits.length > MAX_BATCH_VISITS) {
          throw new HttpError(413, `a batch holds at most ${MAX_BATCH_VISITS} visits, this one ${visits.length}: send fewer`);
        }
      },
    },
    async (request) => {
      const at = now();
      const results = await writeVisits(store, request.deviceId as string, request.body.visits, at, {
        client: request.body.client,
      });
      return { results, serverTime: at.toISOString() };
    },
  );
};
