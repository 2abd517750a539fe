/**
 * Who used the CPU during a measurement: this process (the tablets or the
 * load generator), the city process, and the whole machine (which also holds
 * PostgreSQL, Chromium and anything else running). On 2 cores these share
 * everything, so every figure carries them.
 */
import { cpus } from 'node:os';
import type { City } from './city.ts';

export interface CpuShare {
  /** CPU time of this process, ms. */
  benchMs: number;
  /** CPU time of the city process, ms (PostgreSQL's own processes not included). */
  cityMs: number;
  /** Busy share of all cores over the wall time, 0..1. */
  machineBusy: number;
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
  const cityBefore = city ? await city.cpuMs() : 0;
  const benchBefore = process.cpuUsage();
  const machineBefore = machineTimes();
  return async () => {
    const bench = process.cpuUsage(benchBefore);
    const machine = machineTimes();
    const cityAfter = city ? await city.cpuMs() : 0;
    const total = machine.total - machineBefore.total;
    return {
      benchMs: (bench.user + bench.system) / 1000,
      cityMs: cityAfter - cityBefore,
      machineBusy: total > 0 ? (machine.busy - machineBefore.busy) / total : 0,
    };
  };
}
