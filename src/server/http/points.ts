/** Coordinators manage the Digibank points tablets choose from. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  CreatePointRequest,
  ErrorResponse,
  PointId,
  PointList,
  PointRecord,
  UpdatePointRequest,
} from '../../shared/coordinator.ts';
import { createPoint, listPoints, updatePoint } from '../store/points.ts';
import { HttpError, type RouteContext } from './context.ts';

const errors = { '4xx': ErrorResponse };

export const pointRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { store }) => {
  app.get(
    '/points',
    {
      config: { auth: 'coordinator' },
      schema: { summary: 'Every point, active or not', response: { 200: PointList, ...errors } },
    },
    async () => ({ points: await listPoints(store, { activeOnly: false }) }),
  );

  app.post(
    '/points',
    {
      config: { auth: 'coordinator' },
      schema: { summary: 'Add a point', body: CreatePointRequest, response: { 201: PointRecord, ...errors } },
    },
    async (request, reply) => {
      const point = { id: request.body.id, name: request.body.name.trim(), active: request.body.active ?? true };
      if (!point.name) throw new HttpError(400, 'a point needs a name');
      if (!(await createPoint(store, point))) throw new HttpError(409, `a point with id "${point.id}" exists already`);
      return reply.code(201).send(point);
    },
  );

  app.patch(
    '/points/:id',
    {
      config: { auth: 'coordinator' },
      schema: {
        summary: 'Rename a point or make it (in)active',
        params: Type.Object({ id: PointId }),
        body: UpdatePointRequest,
        response: { 200: PointRecord, ...errors },
      },
    },
    async (request) => {
      const name = request.body.name?.trim();
      if (name === '') throw new HttpError(400, 'a point needs a name');
      const point = await updatePoint(store, request.params.id, { name, active: request.body.active });
      if (!point) throw new HttpError(404, `no point with id "${request.params.id}"`);
      return point;
    },
  );
};
