/**
 * Serves the built tablet app (dist/), as the build's gzip or Brotli copy
 * when the browser accepts one (scripts/precompress.ts). Vite's hashed files
 * under assets/ never change, so browsers keep them a year; everything else (index.html,
 * the service worker, the manifest, icons) is revalidated on every load so
 * an update reaches the tablets. Navigations to unknown paths outside /api
 * get index.html (the app routes itself).
 */
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API } from '../../shared/protocol.ts';
import { notFound } from './plumbing.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

function isNavigation(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (path === API || path.startsWith(`${API}/`) || path.startsWith('/api/') || path === '/healthz') return false;
  return String(request.headers.accept ?? '').includes('text/html');
}

export async function servePwa(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    cacheControl: false,
    preCompressed: true,
    schemaHide: true,
    setHeaders: (reply, path) => {
      const inAssets = relative(root, path).split(sep)[0] === 'assets';
      reply.header('Cache-Control', inAssets ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!isNavigation(request)) return notFound(request, reply);
    return reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').sendFile('index.html');
  });
}
