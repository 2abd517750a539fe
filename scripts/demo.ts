/**
 * npm run demo: fills the configured store (DATA_DIR, or DATABASE_URL) with a
 * year of seeded demo visits at 22 points up to today, sets a demo
 * coordinator's password and prints it, then starts the server exactly as
 * `npm start` does. With PGlite one process owns DATA_DIR: if a server runs
 * on it already, this says so and stops.
 */
import { randomBytes } from 'node:crypto';
import packageJson from '../package.json' with { type: 'json' };
import { answers } from '../src/server/admin/channel.ts';
import { seedDemo } from '../src/server/admin/demo.ts';
import { adminSocketPath, ConfigError, DEFAULT_APP_CONFIG, readEnv } from '../src/server/config.ts';
import { openStore } from '../src/server/store/open.ts';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function seed(): Promise<void> {
  const env = readEnv(process.env);
  const where = env.databaseUrl ? 'the PostgreSQL database at DATABASE_URL' : `DATA_DIR ${env.dataDir}`;
  if (!env.databaseUrl && (await answers(adminSocketPath(env.dataDir)))) {
    throw new ConfigError(
      `a server is already running on ${where} and owns its database: stop it (Ctrl+C in its terminal) and run npm run demo again, or use another DATA_DIR`,
    );
  }
  say(`Loading a year of demo visits at 22 points into ${where}…`);
  const store = await openStore({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    const result = await seedDemo(store, {
      now: new Date(),
      random: (size) => randomBytes(size),
      passwordCost: DEFAULT_APP_CONFIG.passwordCost,
      appVersion: packageJson.version,
    });
    const moved = result.removed > 0 ? ` (${result.removed} demo visits of an earlier day replaced)` : '';
    say(`Demo data from ${result.from} to ${result.to}: ${result.inserted} visits added${moved}, in ${seconds()} s.`);
    say('');
    say(`  Dashboard: ${env.publicOrigin}/dashboard`);
    say(`  Username:  ${result.username}`);
    say(`  Password:  ${result.password}`);
    say('');
  } finally {
    await store.close();
  }
}

try {
  await seed();
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exit(1);
}
// The same path as npm start: build the app when stale, then run the server until stopped.
await import('./start.ts');
