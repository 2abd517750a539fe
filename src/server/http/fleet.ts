/**
 * Coordinators look after the tablets: the list with each one's last contact
 * and pending visits, revoking one, and importing a tablet's rescue file.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DeviceId, DeviceList, ErrorResponse, ImportResponse } from '../../shared/coordinator.ts';
import { RescueFile } from '../../shared/protocol.ts';
import { listDevices, revokeDevice } from '../store/devices.ts';
import { importRescueFile } from '../store/visitWrites.ts';
import { HttpError, type RouteContext } from './context.ts';

const errors = { '4xx': ErrorResponse };

export const fleetRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { store, now, config }) => {
  app.get(
    '/devices',
    {
      config: { auth: 'coordinator' },
      schema: { summary: 'Paired tablets, last contact and visits waiting on them', response: { 200: DeviceList, ...errors } },
    },
    async () => ({ devices: await listDevices(store) }),
  );

  app.delete(
    '/devices/:id',
    {
      config: { auth: 'coordinator' },
      schema: {
        summary: "Revoke a tablet's token (its visits stay)",
        params: Type.Object({ id: DeviceId }),
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!(await revokeDevice(store, request.params.id.toLowerCase(), now()))) throw new HttpError(404, 'no such device');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/import',
    {
      bodyLimit: config.importBodyLimit,
      config: { auth: 'coordinator' },
      schema: {
        summary: "Import a tablet's rescue file by the sync rules",
        body: RescueFile,
        response: { 200: ImportResponse, ...errors },
      },
    },
    async (request) => {
      const results = await importRescueFile(store, request.body, now);
      if (!results)
        throw new HttpError(400, `unknown device "${request.body.deviceId}": the file names a device this server never paired`);
      return { results };
    },
  );
};
