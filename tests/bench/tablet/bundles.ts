/**
 * What the tablet benchmark serves and runs: a production build of the app
 * (the project's vite.config.ts, `vite build` into a temporary folder, in its
 * own process with NODE_ENV=production as `npm run build` runs it), and the
 * benchmarks' page scripts as self-contained files.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The page scripts the benchmarks evaluate in Chromium. */
export const PAGE_SCRIPTS = {
  tablet: fileURLToPath(new URL('./page/benchPage.ts', import.meta.url)),
  drain: fileURLToPath(new URL('../drain/page/drainPage.ts', import.meta.url)),
};

export async function buildApp(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
  );
}

/** A page script as the source of one IIFE, to evaluate in a page. */
export async function buildPageScript(entry: string, outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    // A library build keeps process.env for its users; in the page nothing defines it (Workbox reads it).
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'digibankBenchPage', fileName: () => 'benchPage.js' },
    },
  });
  return readFileSync(join(outDir, 'benchPage.js'), 'utf8');
}
