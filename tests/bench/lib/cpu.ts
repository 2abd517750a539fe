/**
 * Who used the CPU during a measurement: this process (the tablets or the
 * load generator), the city process, and the whole machine (which also holds
 * PostgreSQL, Chromium and anything else running). On 2 cores these share
 * everything, so every figure carries them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { City } from './city.ts';

export interface CpuShare {
  /** CPU time of this process, ms. */
  benchMs: number;
  /** CPU time of the city process, ms (PostgreSQL's own processes not included). */
  cityMs: number;
  /** Busy share of all cores over the wall time, 0..1. */
  machineBusy: number;
  /**
   * Share of the wall time the city's event loop was running code, 0..1 (0 without a city). Near 1, requests
   * wait for the city's one JavaScript thread, whatever the cores have left.
   */
  cityLoopBusy: number;
}

function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const { user, nice, sys, irq, idle } = cpu.times;
    busy += user + nice + sys + irq;
    total += user + nice + sys + irq + idle;
  }
  return { busy, total };
}

/** Starts counting; the returned function stops and reports. */
export async function cpuMeter(city: City | null): Promise<() => Promise<CpuShare>> {
  const noCity = { cpuMs: 0, loopActiveMs: 0 };
  const cityBefore = city ? await city.cpu() : noCity;
  const benchBefore = process.cpuUsage();
  const machineBefore = machineTimes();
  const startedAt = performance.now();
  return async () => {
    const bench = process.cpuUsage(benchBefore);
    const machine = machineTimes();
    const cityAfter = city ? await city.cpu() : noCity;
    const wallMs = performance.now() - startedAt;
    const total = machine.total - machineBefore.total;
    return {
      benchMs: (bench.user + bench.system) / 1000,
      cityMs: cityAfter.cpuMs - cityBefore.cpuMs,
      machineBusy: total > 0 ? (machine.busy - machineBefore.busy) / total : 0,
      cityLoopBusy: wallMs > 0 ? (cityAfter.loopActiveMs - cityBefore.loopActiveMs) / wallMs : 0,
    };
  };
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) of the Chromium processes this process started
 * (browser, renderer, network and storage services): the tablet of the drain
 * benchmark. Read from /proc, so Linux only; elsewhere null.
 */
export function chromiumCpuMs(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const stats = new Map<number, { parent: number; name: string; ticks: number }>();
  for (const pid of entries) {
    try {
      const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (name) state ppid … utime stime: the name may hold spaces, so split after its closing bracket.
      const close = line.lastIndexOf(')');
      const fields = line.slice(close + 2).split(' ');
      stats.set(Number(pid), {
        parent: Number(fields[1]),
        name: line.slice(line.indexOf('(') + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while the list was read
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = stats.get(pid)?.parent; at !== undefined && at > 1; at = stats.get(at)?.parent) {
      if (at === process.pid) return true;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (/chrom/i.test(stat.name) && descends(pid)) ticks += stat.ticks;
  return (ticks * 1000) / TICKS_PER_SECOND;
}
