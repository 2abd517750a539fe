/**
 * The coordinators' downloads: every visit of a period as CSV, and the
 * open-data figures by month and point. Registered under the /api/v1 prefix.
 * The visit export streams page by page, so memory stays bounded.
 */
import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ErrorResponse, PointId } from '../../shared/coordinator.ts';
import { CSV_CONTENT_TYPE } from '../stats/csv.ts';
import { openDataCsv } from '../stats/openData.ts';
import { visitExportCsv } from '../stats/visitExport.ts';
import type { Store } from '../store/sql.ts';
import { checkRangeAndPoint, LocalDate } from './stats.ts';

export interface ExportRouteOptions {
  store: Store;
  now: () => Date;
}

// A CSV body is sent as it is (never serialized as JSON); the schema only documents it.
const CsvBody = Type.Unknown({
  description: 'text/csv: UTF-8 with a byte-order mark, `;` separators, CRLF, RFC 4180 quoting, Brussels local times',
});

const attachment = (filename: string) => `attachment; filename="${filename}"`;

export default async function exportRoutes(fastify: FastifyInstance, opts: ExportRouteOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = opts;

  app.get(
    '/export.csv',
    {
      config: { auth: 'coordinator' },
      schema: {
        summary: 'One row per visit (no note) whose Brussels arrival date lies in from…to',
        querystring: Type.Object({ from: LocalDate, to: LocalDate, point: Type.Optional(PointId) }),
        produces: ['text/csv'],
        response: { 200: CsvBody, '4xx': ErrorResponse },
      },
    },
    async (request, reply) => {
      await checkRangeAndPoint(store, request.query);
      const { from, to, point } = request.query;
      const name = ['digibank-visits', point, from, to].filter(Boolean).join('_');
      return reply
        .code(200)
        .type(CSV_CONTENT_TYPE)
        .header('Content-Disposition', attachment(`${name}.csv`))
        .header('Cache-Control', 'no-store')
        .send(Readable.from(visitExportCsv(store, request.query)));
    },
  );

  app.get(
    '/export/open-data.csv',
    {
      config: { auth: 'coordinator' },
      schema: {
        summary: 'Figures by month and point, every count from 1 to 4 written <5',
        querystring: Type.Object({ from: LocalDate, to: LocalDate }),
        produces: ['text/csv'],
        response: { 200: CsvBody, '4xx': ErrorResponse },
      },
    },
    async (request, reply) => {
      await checkRangeAndPoint(store, request.query);
      const { from, to } = request.query;
      return reply
        .code(200)
        .type(CSV_CONTENT_TYPE)
        .header('Content-Disposition', attachment(`digibank-open-data_${from}_${to}.csv`))
        .header('Cache-Control', 'no-store')
        .send(await openDataCsv(store, request.query));
    },
  );
}
