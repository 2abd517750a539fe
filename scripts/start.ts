/**
 * npm start: builds the tablet app when dist/ is missing or older than its
 * sources, then runs the server in this same process (one process to
 * supervise, one to stop with SIGTERM).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['index.html', 'vite.config.ts', 'public', 'src/app', 'src/shared', 'package.json'];

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function buildIfStale(): void {
  const built = join(root, 'dist', 'index.html');
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map((source) => newest(join(root, source))));
  if (builtAt >= sourcesAt) return;
  if (!existsSync(join(root, 'index.html'))) {
    process.stderr.write('no index.html to build the tablet app from: starting with the API only\n');
    return;
  }
  process.stderr.write(builtAt ? 'the tablet app changed: building it\n' : 'building the tablet app (first start)\n');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('error: building the tablet app failed (see above)\n');
    process.exit(1);
  }
}

buildIfStale();
const { main } = await import('../src/server/main.ts');
await main();
