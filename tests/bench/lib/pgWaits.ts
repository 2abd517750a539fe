/**
 * What the city's PostgreSQL connections are doing while a benchmark runs:
 * every 50 ms, pg_stat_activity for the connections of one city (found by
 * their application_name). Running on the CPU shows as 'CPU'; waiting for a
 * row lock as 'Lock'; for the disk as 'IO'; for the city to send the next
 * statement as 'Client'. It tells what limits a figure, not the figure.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

export interface WaitProfile {
  samples: number;
  /** mean number of the city's connections inside a transaction or statement */
  busyConnections: number;
  /** share of those connection-samples per wait event type ('CPU' when not waiting) */
  byWait: Record<string, number>;
  /** the same per wait event ('LWLock:WALWrite'), which tells which lock or which disk work */
  byEvent: Record<string, number>;
  /** CPU time of the city's PostgreSQL backend processes during the sampling, ms (PostgreSQL on this machine only) */
  backendCpuMs: number | null;
}

/** Linux clock ticks per second, as /proc/<pid>/stat counts CPU time. */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, ms; null when it cannot be read (ended, or on another machine). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export async function sampleWaits(url: string, applicationName: string): Promise<() => Promise<WaitProfile>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const backends = async () =>
    (
      await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName])
    ).rows.map((row) => row.pid);
  const cpuBefore = new Map<number, number>();
  for (const pid of await backends()) cpuBefore.set(pid, processCpuMs(pid) ?? 0);
  const counts = new Map<string, number>();
  const eventCounts = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let samples = 0;
  let busy = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ wait: string | null; event: string | null }>(
        "SELECT wait_event_type AS wait, wait_event AS event FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle'",
        [applicationName],
      );
      samples++;
      busy += rows.length;
      for (const row of rows) {
        count(counts, row.wait ?? 'CPU');
        count(eventCounts, row.wait ? `${row.wait}:${row.event}` : 'CPU');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    let backendCpuMs: number | null = 0;
    for (const pid of await backends()) {
      const now = processCpuMs(pid);
      // A connection opened during the run counts whole.
      backendCpuMs = now === null || backendCpuMs === null ? null : backendCpuMs + now - (cpuBefore.get(pid) ?? 0);
    }
    await client.end();
    const shares = (map: Map<string, number>) =>
      Object.fromEntries([...map].map(([key, n]) => [key, Math.round((n / Math.max(1, busy)) * 1000) / 1000]));
    return {
      samples,
      busyConnections: samples > 0 ? busy / samples : 0,
      byWait: shares(counts),
      byEvent: shares(eventCounts),
      backendCpuMs,
    };
  };
}
