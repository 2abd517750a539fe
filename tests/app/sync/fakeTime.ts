/**
 * A clock and timers the test moves by hand: time passes only when the story
 * says so, and every planned wait can be read back.
 */
import type { Timers } from '../../../src/app/sync/ports.ts';

interface Planned {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeTime implements Timers {
  private current: number;
  private planned: Planned[] = [];
  private nextId = 1;

  constructor(start: string | number = '2026-11-22T10:00:00+01:00') {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }

  readonly now = (): number => this.current;

  readonly setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.planned.push({ id, at: this.current + Math.max(0, ms), callback });
    return id;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.planned = this.planned.filter((p) => p.id !== handle);
  };

  /** Milliseconds until the next planned callback, or null when nothing waits. */
  nextDelay(): number | null {
    const next = this.earliest();
    return next ? next.at - this.current : null;
  }

  /** Moves the clock forward, running each callback that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms;
    for (let next = this.earliest(); next && next.at <= end; next = this.earliest()) {
      this.current = Math.max(this.current, next.at);
      this.planned = this.planned.filter((p) => p !== next);
      next.callback();
      await settle();
    }
    this.current = end;
  }

  /** Jumps to the next planned callback and runs it. */
  async runNext(): Promise<void> {
    const delay = this.nextDelay();
    if (delay !== null) await this.advance(delay);
  }

  private earliest(): Planned | undefined {
    return this.planned.reduce<Planned | undefined>((best, p) => (!best || p.at < best.at ? p : best), undefined);
  }
}

/** Lets promises and IndexedDB callbacks (fake-indexeddb runs on real macrotasks) run to completion. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Waits (a bounded number of turns) until something has planned a timer, e.g. a lease renewal after its IndexedDB write. */
export async function untilTimerPlanned(time: FakeTime): Promise<void> {
  for (let turn = 0; turn < 200 && time.nextDelay() === null; turn++) await settle(1);
}
