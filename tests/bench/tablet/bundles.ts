/**
 * What the tablet benchmark serves and runs: a production build of the app
 * (the project's vite.config.ts, `vite build` into a temporary folder, in its
 * own process with NODE_ENV=production as `npm run build` runs it), and the
 * benchmark's page script (page/benchPage.ts) as one self-contained file.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE_ENTRY = fileURLToPath(new URL('./page/benchPage.ts', import.meta.url));

export async function buildApp(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 16 * 1024 * 1024 },
  );
}

/** The page script as the source of one IIFE, to evaluate in a page. */
export async function buildPageScript(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      lib: { entry: PAGE_ENTRY, formats: ['iife'], name: 'digibankBenchPage', fileName: () => 'benchPage.js' },
    },
  });
  return readFileSync(join(outDir, 'benchPage.js'), 'utf8');
}
