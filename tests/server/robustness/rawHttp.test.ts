/**
 * Below JSON: requests whose HTTP itself is broken or hostile, written byte
 * by byte onto a real socket. Each gets a 4xx, never a 5xx, and the server keeps serving: health and a real sync work
 * afterwards.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../src/shared/protocol.ts';
import { aVisit, readyToSync, type Tablet, type TestServer } from '../helpers/app.ts';

let server: TestServer & { tablet: Tablet };
let port: number;

beforeAll(async () => {
  server = await readyToSync('pglite');
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await server?.app.close();
});

/** Writes `bytes` as they are, then reads until the server closes; returns the status code, or null when none came. */
async function raw(bytes: Buffer | string, closeAfterWriting = false): Promise<{ status: number | null; text: string }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined); // a reset after the answer is the server closing, as it may
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(bytes);
  if (closeAfterWriting) socket.end();
  await closed;
  const text = Buffer.concat(chunks).toString('latin1');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
  return { status: status ? Number(status) : null, text };
}

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const withBody = (lines: string[], body: Buffer) =>
  Buffer.concat([Buffer.from(head([...lines, `Content-Length: ${body.length}`])), body]);
/** A visit id made of bytes that are no UTF-8 at all. */
const notUtf8 = Buffer.concat([
  Buffer.from('{"visits":[{"id":"'),
  Buffer.from([0xff, 0xfe, 0xfd, 0xc3, 0x28, 0xa0, 0xa1]),
  Buffer.from('"}]}'),
]);

describe('broken and hostile HTTP on a real socket', () => {
  it('answers each with a 4xx, never a 5xx', async () => {
    const auth = `Authorization: ${server.tablet.auth.authorization}`;
    const sync = `POST ${API}/sync HTTP/1.1`;
    const cases: [string, Buffer | string][] = [
      [
        'Content-Length larger than the body',
        head([sync, 'Host: x', auth, 'Content-Type: application/json', 'Content-Length: 500', 'Connection: close']) +
          '{"visits":[]}',
      ],
      [
        'Content-Length smaller than the body',
        head([sync, 'Host: x', auth, 'Content-Type: application/json', 'Content-Length: 5', 'Connection: close']) +
          '{"visits":[]}GARBAGE',
      ],
      [
        'a negative Content-Length',
        `${head([sync, 'Host: x', auth, 'Content-Type: application/json', 'Content-Length: -1', 'Connection: close'])}{}`,
      ],
      [
        'two Content-Lengths',
        `${head([
          sync,
          'Host: x',
          auth,
          'Content-Type: application/json',
          'Content-Length: 13',
          'Content-Length: 2',
          'Connection: close',
        ])}{"visits":[]}`,
      ],
      [
        'Content-Length and chunked together',
        `${head([
          sync,
          'Host: x',
          auth,
          'Content-Type: application/json',
          'Content-Length: 13',
          'Transfer-Encoding: chunked',
          'Connection: close',
        ])}0\r\n\r\n`,
      ],
      [
        'a broken chunk size',
        head([sync, 'Host: x', auth, 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close']) +
          'zz\r\n{}\r\n0\r\n\r\n',
      ],
      ['a header of 64 KiB', head([sync, 'Host: x', auth, `X-Filler: ${'a'.repeat(64 * 1024)}`, 'Connection: close'])],
      ['a request line that is not HTTP', 'GET /\x00\x01\x02 HTTP/9.9\r\n\r\n'],
      ['a header without a name', head([sync, 'Host: x', ': value', 'Connection: close'])],
      ['a NUL in a header', head([sync, 'Host: x', 'X-Note: a\x00b', 'Connection: close'])],
      [
        'a body that is not UTF-8',
        withBody([sync, 'Host: x', auth, 'Content-Type: application/json', 'Connection: close'], notUtf8),
      ],
      ['a path with broken percent-encoding', head([`GET ${API}/points/%E0%A4%A HTTP/1.1`, 'Host: x', 'Connection: close'])],
      ['a path of 100 KiB', head([`GET ${API}/${'a'.repeat(100 * 1024)} HTTP/1.1`, 'Host: x', 'Connection: close'])],
    ];
    const answers: string[] = [];
    for (const [name, bytes] of cases) {
      const { status, text } = await raw(bytes, name === 'Content-Length larger than the body');
      // Bytes that are no UTF-8 read as replacement characters: that visit is rejected in a 200, or the body refused.
      const fine =
        status !== null && ((status >= 400 && status < 500) || (name === 'a body that is not UTF-8' && status === 200));
      if (!fine) answers.push(`${name}: ${text.split('\r\n')[0] || 'closed without an answer'}`);
    }
    expect(answers).toEqual([]);

    // A 10 MiB upload streamed in chunks is cut off at the limit, not read to the end.
    const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
    const stream =
      head([sync, 'Host: x', auth, 'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close']) +
      chunk.repeat(160);
    expect((await raw(`${stream}0\r\n\r\n`)).status).toBe(413);
  });

  it('does not crash on a GET or HEAD whose body claims gzip but is not, or is a bomb', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x61));
      for (const [method, path] of [
        ['GET', '/healthz'],
        ['HEAD', '/healthz'],
        ['GET', `${API}/config`],
      ] as const) {
        for (const body of [Buffer.from('this is not gzip'), bomb]) {
          const lines = [`${method} ${path} HTTP/1.1`, 'Host: x', `Authorization: ${server.tablet.auth.authorization}`];
          const request = withBody(
            [...lines, 'Content-Type: application/json', 'Content-Encoding: gzip', 'Connection: close'],
            body,
          );
          const { status } = await raw(request);
          expect(status, `${method} ${path}`).toBeLessThan(500);
        }
      }
      // The decompression runs on after the answer: give its failure every chance to surface.
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });

  it('keeps serving afterwards', async () => {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const visit = aVisit();
    const sync = await fetch(`http://127.0.0.1:${port}${API}/sync`, {
      method: 'POST',
      headers: { ...server.tablet.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ visits: [visit] }),
    });
    expect(await sync.json()).toMatchObject({ results: [{ id: visit.id, status: 'applied' }] });
  });
});
