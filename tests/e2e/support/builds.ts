/**
 * The two builds the browser tests serve: the app as it is in this tree
 * ("current"), and the next release of it ("next"): another version string,
 * and one more Dexie schema version over the visits table, so an update also
 * exercises a schema upgrade on a tablet with pending visits.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import packageJson from '../../../package.json' with { type: 'json' };

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const CURRENT_VERSION = packageJson.version;
export const NEXT_VERSION = `${packageJson.version}-next`;

/**
 * Adds the next schema version to CheckinDatabase: the same visits table plus
 * an index on `kind`, with an upgrade that rewrites every visit unchanged
 * (Dexie declares versions in any order, so the new one goes right after super()).
 */
export function nextSchemaVersion(): Plugin {
  return {
    name: 'next-schema-version',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('/src/app/db/database.ts')) return null;
      const versions = [...code.matchAll(/this\.version\((\d+)\)/g)].map((m) => Number(m[1]));
      const specs = [...code.matchAll(/visits:\s*'([^']+)'/g)].map((m) => m[1]);
      const superCall = code.match(/super\([^;]*\);/);
      if (!versions.length || !specs.length || !superCall || superCall.index === undefined) {
        throw new Error(
          'next-schema-version: CheckinDatabase no longer looks as expected (this.version(n), visits: "…", super(…);)',
        );
      }
      const next = Math.max(...versions) + 1;
      const declaration = `this.version(${next}).stores({ visits: '${specs.at(-1)}, kind' }).upgrade((tx) => tx.table('visits').toCollection().modify(() => {}));`;
      const at = superCall.index + superCall[0].length;
      return { code: `${code.slice(0, at)}\n    ${declaration}${code.slice(at)}`, map: null };
    },
  };
}

async function buildInto(outDir: string, version: string, plugins: Plugin[]): Promise<void> {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify(version) },
    plugins,
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
}

export interface Builds {
  current: string;
  next: string;
}

/** Builds both into a fresh temporary folder. */
export async function buildBoth(): Promise<Builds> {
  const base = mkdtempSync(join(tmpdir(), 'digibank-e2e-build-'));
  const builds = { current: join(base, 'current'), next: join(base, 'next') };
  await buildInto(builds.current, CURRENT_VERSION, []);
  await buildInto(builds.next, NEXT_VERSION, [nextSchemaVersion()]);
  return builds;
}
