/**
 * The tablet's first visit to the city's address: which JavaScript the page
 * loads (gzip sizes of the built files), split into what index.html asks for
 * before anything runs (module script + modulepreloads) and everything the
 * page fetched until the network was idle; the service worker script; what
 * the service worker precached; and the bytes the city really sends for that
 * precache to a browser accepting Brotli and gzip, as Chromium does.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

export interface SizedFile {
  path: string;
  bytes: number;
  gzip: number;
}

export interface FirstLoadFigures {
  /** index.html's module script and modulepreloads */
  critical: { files: SizedFile[]; bytes: number; gzip: number };
  /** every script the page fetched during its first load (lazy chunks of the first screen included) */
  page: { files: SizedFile[]; bytes: number; gzip: number };
  serviceWorker: SizedFile;
  /** `sent`: response bodies as the city sends them (compressed copies where the build has them) */
  precache: { entries: number; bytes: number; gzip: number; sent: number };
}

function sized(buildDir: string, path: string): SizedFile {
  const content = readFileSync(join(buildDir, path.replace(/^\//, '').split('?')[0] as string));
  return { path, bytes: content.byteLength, gzip: gzipSync(content).byteLength };
}

const total = (files: SizedFile[]) => ({
  files,
  bytes: files.reduce((sum, f) => sum + f.bytes, 0),
  gzip: files.reduce((sum, f) => sum + f.gzip, 0),
});

function criticalScripts(buildDir: string): string[] {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const module = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] as string);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  return [...module, ...preloads];
}

/** The body of GET `url` as it crosses the wire (not decompressed), in bytes. */
function bytesOnTheWire(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.byteLength;
        });
        response.on('end', () => resolve(bytes));
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function measureFirstLoad(context: BrowserContext, origin: string, buildDir: string): Promise<FirstLoadFigures> {
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
  });
  await page.goto(origin, { waitUntil: 'load' });
  // The worker takes control once it has precached everything (it claims its clients on activation).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const precached = await page.evaluate(async () => {
    const paths: string[] = [];
    let bytes = 0;
    for (const name of await caches.keys()) {
      if (!name.includes('precache')) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        bytes += (await response?.arrayBuffer())?.byteLength ?? 0;
        paths.push(new URL(request.url).pathname);
      }
    }
    return { paths, bytes };
  });
  await page.close();
  const precacheFiles = precached.paths.map((path) => sized(buildDir, path));
  let sent = 0;
  for (const path of precached.paths) sent += await bytesOnTheWire(new URL(path, origin).href);
  return {
    critical: total(criticalScripts(buildDir).map((path) => sized(buildDir, path))),
    page: total([...scripts].sort().map((path) => sized(buildDir, path))),
    serviceWorker: sized(buildDir, '/sw.js'),
    precache: { entries: precacheFiles.length, bytes: precached.bytes, gzip: total(precacheFiles).gzip, sent },
  };
}
