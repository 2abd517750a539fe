// @vitest-environment node
/**
 * The tablet's first load stays at most 60 KB of gzipped JavaScript: what
 * index.html loads before anything else (its module script and modulepreloads),
 * from a real production build. Rarely used screens, English and French, the
 * schema checker and the sync engine are separate chunks loaded later.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BUDGET_BYTES = 60 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'digibank-budget-'));
let firstLoad: { file: string; bytes: number; gzipped: number; text: string }[] = [];

beforeAll(() => {
  // Built in its own process, exactly as `npm run build` does: inside the test runner NODE_ENV is 'test',
  // and Preact's debug helpers would be bundled.
  execFileSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'pipe',
    },
  );
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  firstLoad = scripts.map((match) => {
    const file = match[1] ?? match[2] ?? '';
    const content = readFileSync(join(outDir, file));
    return { file, bytes: content.length, gzipped: gzipSync(content).length, text: content.toString('utf8') };
  });
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the tablet’s first load', () => {
  it('is at most 60 KB of gzipped JavaScript', () => {
    expect(firstLoad.length).toBeGreaterThan(0);
    const total = firstLoad.reduce((sum, chunk) => sum + chunk.gzipped, 0);
    const report = firstLoad.map((c) => `${c.file}: ${c.gzipped} B`).join('\n');
    expect(total, `first load ${total} B gzipped:\n${report}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('leaves English, French, the schema checker and the sync engine for later', () => {
    const everything = firstLoad.map((chunk) => chunk.text).join('\n');
    expect(everything).toContain('Aanmelden'); // the everyday Dutch words are there…
    expect(everything).not.toContain('Skip to content'); // …English is not,
    expect(everything).not.toContain('Aller au contenu'); // nor French,
    expect(everything).not.toContain('additionalProperties'); // nor the TypeBox validator,
    expect(everything).not.toContain('digibank-outbox'); // nor the sync engine.
  });

  it('ships a service worker that precaches the app for offline use', () => {
    const worker = readFileSync(join(outDir, 'sw.js'), 'utf8');
    expect(worker).toContain('index.html');
    for (const chunk of firstLoad) expect(worker).toContain(chunk.file.replace(/^\//, ''));
  });

  it('leaves the coordinator dashboard out of what tablets store', () => {
    const worker = readFileSync(join(outDir, 'sw.js'), 'utf8');
    const dashboard = readdirSync(join(outDir, 'assets')).filter((file) => file.startsWith('startDashboard-'));
    expect(dashboard.length).toBeGreaterThan(0);
    for (const file of dashboard) expect(worker).not.toContain(file);
  });
});
