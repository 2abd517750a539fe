/**
 * The local-only channel between the admin CLI and a running server. PGlite
 * lets one process own DATA_DIR, so while the server runs the CLI asks it
 * instead of opening the database: HTTP over a Unix socket inside DATA_DIR,
 * in a directory only the server's user may enter (0700, socket 0600).
 */
import { chmod, mkdir, rm } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { dirname } from 'node:path';
import type { AdminReply, AdminRequest } from './commands.ts';

const MAX_REQUEST_BYTES = 256 * 1024 * 1024;

export interface AdminChannel {
  close(): Promise<void>;
}

/** Serves admin requests on `socketPath` until closed. */
export async function serveAdmin(
  socketPath: string,
  handle: (request: AdminRequest) => Promise<AdminReply>,
): Promise<AdminChannel> {
  await mkdir(dirname(socketPath), { recursive: true, mode: 0o700 });
  await chmod(dirname(socketPath), 0o700);
  if (await answers(socketPath)) throw new Error(`another server already answers on ${socketPath}`);
  await rm(socketPath, { force: true }); // left behind by a server that did not stop cleanly
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    req.on('end', async () => {
      let reply: AdminReply;
      try {
        if (size > MAX_REQUEST_BYTES) throw new Error('the request is too large');
        reply = await handle(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AdminRequest);
      } catch (error) {
        reply = { ok: false, output: `the server could not do this: ${(error as Error).message.split('\n')[0]}` };
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  await chmod(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Asks the server on `socketPath`; null when no server listens there. */
export function askServer(socketPath: string, request: AdminRequest): Promise<AdminReply | null> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(request);
    const req = httpRequest(
      {
        socketPath,
        path: '/',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AdminReply);
          } catch {
            reject(new Error('the running server gave an answer the CLI does not understand'));
          }
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
    req.end(body);
  });
}

/** True when a server listens on `socketPath`. */
export function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest({ socketPath, path: '/', method: 'GET' }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}
