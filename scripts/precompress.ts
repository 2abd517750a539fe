/**
 * A Vite build step: next to every built text file (scripts, styles, the
 * page, the manifest, icons in SVG) it writes a gzip and a Brotli copy, which
 * the city endpoint sends to browsers that accept them (@fastify/static's
 * preCompressed). A tablet installing the app over a crowded library wifi
 * then downloads about a third of the bytes. Runs after the service worker is
 * built, so sw.js is compressed too; the precache lists only the originals.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|webmanifest|json)$/;
// Below this, headers cost more than compression saves.
const MIN_BYTES = 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes `file.gz` and `file.br` beside each compressible file of `dir`; returns how many files it compressed. */
export async function precompress(dir: string): Promise<number> {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.test(file));
  let compressed = 0;
  for (const file of files) {
    const content = await readFile(file);
    if (content.byteLength < MIN_BYTES) continue;
    const [gzipped, brotli] = await Promise.all([
      promisify(gzip)(content, { level: 9 }),
      promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    ]);
    await Promise.all([writeFile(`${file}.gz`, gzipped), writeFile(`${file}.br`, brotli)]);
    compressed++;
  }
  return compressed;
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'digibank-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        await precompress(config.build.outDir);
      },
    },
  };
}
