/**
 * Coordinator sign-in (POST/GET/DELETE /session) and the first account
 * (GET/POST /setup). Sessions live in the database, so any server process
 * can check them; the cookie carries a random id whose hash is stored.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ErrorResponse, SessionInfo, SessionRequest, SetupRequest, SetupStatus } from '../../shared/coordinator.ts';
import { hashPassword, verifyPassword } from '../security/passwords.ts';
import { newSecret, sha256 } from '../security/secrets.ts';
import { canonicalUsername, normalizeSetupCode } from '../setup.ts';
import {
  consumeSetupCode,
  coordinatorCount,
  createCoordinator,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findCoordinator,
} from '../store/access.ts';
import { FailedAttempts } from './attempts.ts';
import { cookiePolicy, sessionCookieOptions } from './auth.ts';
import { HttpError, type RouteContext } from './context.ts';

const errors = { '4xx': ErrorResponse };
const SIGN_IN_FAILED = 'unknown username or wrong password';

export const sessionRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { store, now, random, config }) => {
  const cookie = cookiePolicy(config.publicOrigin);
  const attempts = new FailedAttempts(config.loginLimit, now);
  // An unknown username costs as much as a wrong password, so timing does not tell which it was.
  let dummyHash: Promise<string> | undefined;
  const decoy = () => {
    dummyHash ??= hashPassword(newSecret(random), random, config.passwordCost);
    return dummyHash;
  };

  async function startSession(coordinatorId: number, reply: import('fastify').FastifyReply) {
    const sessionId = newSecret(random);
    await deleteExpiredSessions(store, now(), config.session);
    await createSession(store, sha256(sessionId), coordinatorId, now());
    reply.setCookie(cookie.name, sessionId, sessionCookieOptions(cookie, config.session.absoluteMs));
  }

  app.post(
    '/session',
    {
      config: { auth: 'none' },
      schema: { summary: 'Sign in as a coordinator', body: SessionRequest, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      const attempt = attempts.begin(request.ip);
      try {
        const found = await findCoordinator(store, canonicalUsername(request.body.username));
        const valid = await verifyPassword(request.body.password, found?.passwordHash ?? (await decoy()));
        if (!found || !valid) {
          attempt.fail();
          throw new HttpError(401, SIGN_IN_FAILED);
        }
        await startSession(found.id, reply);
        return reply.code(204).send(null);
      } finally {
        attempt.end();
      }
    },
  );

  app.get(
    '/session',
    {
      config: { auth: 'coordinator' },
      schema: { summary: 'The signed-in coordinator', response: { 200: SessionInfo, ...errors } },
    },
    async (request) => ({ username: request.coordinator?.username ?? '' }),
  );

  app.delete(
    '/session',
    { config: { auth: 'coordinator' }, schema: { summary: 'Sign out', response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      if (request.coordinator) await deleteSession(store, request.coordinator.sessionHash);
      reply.clearCookie(cookie.name, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookie.secure });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/setup',
    {
      config: { auth: 'none' },
      schema: { summary: 'Whether the first coordinator account still has to be made', response: { 200: SetupStatus } },
    },
    async () => ({ setupNeeded: (await coordinatorCount(store)) === 0 }),
  );

  app.post(
    '/setup',
    {
      config: { auth: 'none' },
      schema: {
        summary: 'Create the first coordinator with the setup code the server printed at start',
        body: SetupRequest,
        response: { 201: SessionInfo, ...errors },
      },
    },
    async (request, reply) => {
      const attempt = attempts.begin(request.ip);
      try {
        const username = canonicalUsername(request.body.username);
        const passwordHash = await hashPassword(request.body.password, random, config.passwordCost);
        const coordinatorId = await store.transaction(async (tx) => {
          if ((await coordinatorCount(tx)) > 0) throw new HttpError(409, 'the first coordinator exists already: sign in');
          if (!(await consumeSetupCode(tx, sha256(normalizeSetupCode(request.body.setupCode)), now()))) {
            attempt.fail();
            throw new HttpError(400, 'this setup code is not valid: copy it again from the server output');
          }
          if (!(await createCoordinator(tx, username, passwordHash))) throw new HttpError(409, 'this username is taken');
          const found = await findCoordinator(tx, username);
          return found?.id ?? 0;
        });
        await startSession(coordinatorId, reply);
        return reply.code(201).send({ username });
      } finally {
        attempt.end();
      }
    },
  );
};
