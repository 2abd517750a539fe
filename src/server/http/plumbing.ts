/**
 * Cross-cutting request handling: gzip request bodies within the size limit,
 * clear 4xx messages, database trouble as 503 + Retry-After, nothing that a
 * client sent (bodies, tokens, notes) in any log line, and 503 while closing.
 */
import type { Readable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './context.ts';

export const RETRY_AFTER_SECONDS = 5;

/** Deep search for a NUL character in any string (PostgreSQL text cannot hold one); iterative, so no nesting exhausts the stack. */
function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (next !== null && typeof next === 'object') {
      for (const inner of Array.isArray(next) ? next : Object.values(next)) pending.push(inner);
    }
  }
  return false;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusError(statusCode: number, message: string, code?: string): Error {
  return Object.assign(new Error(message), { statusCode, code });
}

/**
 * Decompresses a gzip body, at most `limit` bytes of it: the compressed bytes
 * are collected and inflated in one call (a sync batch is a few dozen KiB, and
 * one call costs far less than a stream's chunk-by-chunk round trips).
 */
function gunzipWithin(source: Readable, limit: number): Readable {
  const inflated = new PassThrough();
  // Fastify compares the bytes received on the wire with Content-Length.
  const counted = inflated as PassThrough & { receivedEncodedLength: number };
  counted.receivedEncodedLength = 0;
  const chunks: Buffer[] = [];
  let failed = false;
  const fail = (error: Error) => {
    failed = true;
    chunks.length = 0;
    inflated.destroy(error);
  };
  // Listening keeps the upload flowing after a failure, so the rest is read away and the answer can be sent.
  source.on('data', (chunk: Buffer) => {
    counted.receivedEncodedLength += chunk.length;
    if (failed) return;
    // Compressed JSON is never larger than what it inflates to.
    if (counted.receivedEncodedLength > limit) return fail(tooLarge(limit));
    chunks.push(chunk);
  });
  source.on('end', () => {
    if (failed) return;
    try {
      inflated.end(gunzipSync(Buffer.concat(chunks), { maxOutputLength: limit }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      fail(code === 'ERR_BUFFER_TOO_LARGE' ? tooLarge(limit) : statusError(400, 'the body is not valid gzip data'));
    }
  });
  source.on('error', (error) => fail(error));
  // Fastify reads no body for GET and HEAD, so nobody may be listening when this stream fails:
  // without a listener of its own, its error would be uncaught and end the process.
  inflated.on('error', () => undefined);
  return inflated;
}

const tooLarge = (limit: number) => statusError(413, tooLargeMessage(limit), 'FST_ERR_CTP_BODY_TOO_LARGE');

const tooLargeMessage = (limit: number) =>
  `the request body is larger than ${limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${limit} bytes`}: send fewer visits per request`;

const EMPTY_BODY = 'the body is empty; expected a JSON object';

function clientMessage(error: FastifyError): string {
  if (error instanceof SyntaxError) return 'the body is not valid JSON';
  switch (error.code) {
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return EMPTY_BODY;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return error.message.startsWith('the request body') ? error.message : tooLargeMessage(1024 * 1024);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported Content-Type: send application/json';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'the body does not match its Content-Length';
    default:
      return error.message;
  }
}

/** Errors that say the database cannot be reached right now (connection refused, shutting down, too many clients). */
function isDatabaseUnavailable(error: { code?: unknown }): boolean {
  const code = String(error.code ?? '');
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300', '08006', '08001'].includes(
    code,
  );
}

function send(reply: FastifyReply, statusCode: number, message: string, code?: string) {
  return reply.code(statusCode).send({ statusCode, error: REASONS[statusCode] ?? 'Error', message, ...(code ? { code } : {}) });
}

export function installPlumbing(app: FastifyInstance): void {
  let closing = false;

  app.addHook('preClose', async () => {
    closing = true;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Answers given while closing end their connection, so a keep-alive client does not hold the stop up.
    if (closing) reply.header('Connection', 'close');
    // API answers hold visits, tokens and session state: no shared cache may keep them.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('Connection', 'close').header('Retry-After', String(RETRY_AFTER_SECONDS));
    return send(reply, 503, 'the server is shutting down; try again shortly');
  });

  // An empty JSON body is no body (a POST or DELETE that needs none); a route that needs one says so in its schema.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    return parseJson(request, body as string, done);
  });

  app.addHook('preParsing', async (request: FastifyRequest, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipWithin(payload, request.routeOptions.bodyLimit ?? 1024 * 1024);
    throw statusError(415, `Content-Encoding "${encoding}" is not supported: send gzip or no encoding`);
  });

  // PostgreSQL text cannot hold NUL: refuse it before any SQL (visits are checked one by one in the sync rules).
  app.addHook('preValidation', async (request) => {
    const { visits: _checkedPerVisit, ...rest } = (isRecord(request.body) ? request.body : { body: request.body }) as Record<
      string,
      unknown
    >;
    if (containsNul(rest) || containsNul(request.params) || containsNul(request.query)) {
      throw new HttpError(400, 'text may not contain NUL characters');
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
      request.log.info({ statusCode: error.statusCode }, 'request refused');
      return send(reply, error.statusCode, error.message);
    }
    if (error.validation) {
      request.log.info({ statusCode: 400, code: 'FST_ERR_VALIDATION' }, 'request refused');
      const empty = error.validationContext === 'body' && request.body === undefined;
      return send(reply, 400, empty ? EMPTY_BODY : error.message, 'FST_ERR_VALIDATION');
    }
    const statusCode = error.statusCode ?? 500;
    if (statusCode >= 400 && statusCode < 500) {
      // The message of a client error may quote the body (JSON.parse does): log the code only.
      request.log.info({ statusCode, code: error.code }, 'request refused');
      if (statusCode === 429 && !reply.hasHeader('retry-after')) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return send(reply, statusCode, clientMessage(error), error.code);
    }
    // A database message can quote the values it refused: log what kind of failure and where, not its message.
    const fromDatabase = 'severity' in error;
    request.log.error(
      {
        err: {
          type: error.name,
          code: error.code,
          ...(fromDatabase ? {} : { message: error.message }),
          stack: error.stack?.split('\n').slice(1, 8).join('\n'),
        },
      },
      'request failed',
    );
    if (isDatabaseUnavailable(error)) {
      reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return send(reply, 503, 'the database is not reachable; try again shortly');
    }
    return send(reply, 500, 'the server failed to handle this request; try again later');
  });
}

export function notFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, `no such endpoint: ${request.method} ${request.url.split('?')[0]}`);
}
