/**
 * A small seeded random source (mulberry32) for demo and benchmark data: the
 * same seed gives the same visits on every machine, so figures can be compared.
 * Not for anything secret.
 */

export interface SeededRandom {
  /** uniform in [0, 1) */
  next(): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** an integer in [min, max] */
  int(min: number, max: number): number;
  /** one key of `weights`, with probability proportional to its weight */
  pick<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K;
  /** fills bytes (for UUIDs) */
  bytes(target: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
      const entries = Object.entries(weights) as [K, number][];
      let total = 0;
      for (const [, weight] of entries) total += weight;
      let roll = next() * total;
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return (entries.at(-1) as [K, number])[0];
    },
    bytes(target) {
      for (let i = 0; i < target.length; i++) target[i] = Math.floor(next() * 256);
      return target;
    },
  };
}
