/**
 * The dashboard never enters the tablet's first load: the app's entry and
 * the tablet's screens import nothing of it statically, only its address
 * check (a few bytes) and, at /dashboard, the dashboard itself with import().
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const staticImports = (source: string): string[] =>
  [...source.matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm), ...source.matchAll(/^\s*import\s+'([^']+)'/gm)].map(
    (match) => match[1] ?? '',
  );

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the dashboard as a chunk of its own', () => {
  it('is loaded by the app’s entry only with import(), at /dashboard', () => {
    const entry = readFileSync('src/app/main.tsx', 'utf8');
    expect(staticImports(entry).filter((path) => path.includes('dashboard'))).toEqual(['./dashboard/path.ts']);
    expect(entry).toContain("import('./dashboard/startDashboard.tsx')");
    const path = readFileSync('src/app/dashboard/path.ts', 'utf8');
    expect(staticImports(path)).toEqual([]);
  });

  it('is imported by none of the tablet’s screens, use cases or sync engine', () => {
    const tabletFiles = ['src/app/ui', 'src/app/visits', 'src/app/sync', 'src/app/db'].flatMap(filesUnder);
    expect(tabletFiles.length).toBeGreaterThan(10);
    const importing = tabletFiles.filter((file) =>
      staticImports(readFileSync(file, 'utf8')).some((p) => p.includes('/dashboard/')),
    );
    expect(importing).toEqual([]);
  });
});
