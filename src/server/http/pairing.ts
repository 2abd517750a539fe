/**
 * Pairing a tablet: a coordinator makes a single-use code (valid 24 h), the
 * tablet trades it for a device token. Bad, used and expired codes get the
 * same answer, and failed attempts are limited per client address.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, PairingCodeResponse } from '../../shared/coordinator.ts';
import { normalizePairingCode, PairRequest, PairResponse } from '../../shared/protocol.ts';
import { uuidv7 } from '../../shared/uuid.ts';
import { newSecret, randomCode, sha256 } from '../security/secrets.ts';
import { addPairingCode, consumePairingCode } from '../store/access.ts';
import { pairDevice } from '../store/devices.ts';
import { FailedAttempts } from './attempts.ts';
import { HttpError, type RouteContext } from './context.ts';

const errors = { '4xx': ErrorResponse };
const CODE_REFUSED =
  'this pairing code is not valid: it may be mistyped, already used or expired; ask a coordinator for a new one';

export const pairingRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { store, now, random, config }) => {
  const attempts = new FailedAttempts(config.pairLimit, now);
  app.post(
    '/devices/pair',
    {
      config: { auth: 'none' },
      schema: {
        summary: 'Pair a tablet with a pairing code; the token is shown only in this answer',
        body: PairRequest,
        response: { 201: PairResponse, ...errors },
      },
    },
    async (request, reply) => {
      const attempt = attempts.begin(request.ip);
      const refuse = () => {
        attempt.fail();
        return new HttpError(400, CODE_REFUSED);
      };
      try {
        const code = normalizePairingCode(request.body.code);
        if (!code) throw refuse();
        const token = newSecret(random);
        const at = now();
        const deviceId = await store.transaction(async (tx) => {
          if (!(await consumePairingCode(tx, sha256(code), at))) throw refuse();
          return pairDevice(tx, {
            newId: uuidv7(at.getTime(), (bytes) => {
              bytes.set(random(bytes.length));
              return bytes;
            }),
            installId: request.body.installId?.toLowerCase(),
            label: request.body.label.trim() || 'tablet',
            tokenHash: sha256(token),
            now: at,
          });
        });
        return reply.code(201).send({ deviceId, token });
      } finally {
        attempt.end();
      }
    },
  );

  app.post(
    '/pairing-codes',
    {
      config: { auth: 'coordinator' },
      schema: { summary: 'Make a single-use pairing code, valid 24 hours', response: { 201: PairingCodeResponse, ...errors } },
    },
    async (_request, reply) => {
      const code = randomCode(random);
      const at = now();
      const expiresAt = new Date(at.getTime() + config.pairingCodeTtlMs);
      await addPairingCode(store, sha256(code), at, expiresAt);
      return reply.code(201).send({ code, expiresAt: expiresAt.toISOString() });
    },
  );
};
