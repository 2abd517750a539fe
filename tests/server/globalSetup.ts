/**
 * Each server test process works in a PostgreSQL schema of its own,
 * `test_<pid>` (helpers/stores.ts), and ends with it still there: its stores
 * stay open until the process exits. When a run ends, the schemas of test
 * processes that no longer run are dropped. The run's own worker is usually
 * still exiting then, so its schema goes at the end of the next run: at most
 * one is left behind. A run going on at the same time keeps its schema: its
 * process is alive.
 */
import pg from 'pg';

const TEST_SCHEMA = /^test_(\d+)$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function teardown(): Promise<void> {
  // Without a database the suite itself has already failed with the instruction; there is nothing to drop.
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE 'test\\_%'",
    );
    for (const { name } of rows) {
      const pid = Number(TEST_SCHEMA.exec(name)?.[1]);
      if (Number.isInteger(pid) && !running(pid)) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    }
  } finally {
    await client.end();
  }
}
