/**
 * Deterministic randomness for the robustness suites: every run uses a fixed
 * seed unless ROBUSTNESS_SEED says otherwise, and a failure names the seed so
 * the exact run can be replayed.
 */

/** A small, fast generator (mulberry32): the same seed gives the same sequence on every machine. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed for this run: ROBUSTNESS_SEED when set, else the suite's own fixed seed. */
export function runSeed(fallback: number): number {
  const raw = process.env.ROBUSTNESS_SEED;
  if (raw === undefined || raw === '') return fallback;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`ROBUSTNESS_SEED must be an integer, not "${raw}"`);
  return seed;
}

/** Runs `story`; when it fails, the error says which seed to replay it with. */
export async function withSeed<T>(seed: number, story: (random: () => number) => Promise<T>): Promise<T> {
  try {
    return await story(seeded(seed));
  } catch (error) {
    const note = `(seed ${seed}: replay with ROBUSTNESS_SEED=${seed})`;
    if (!(error instanceof Error)) throw new Error(`${String(error)} ${note}`);
    // The same error object, so the runner still shows its diff; only the message grows.
    error.message = `${error.message}\n${note}`;
    throw error;
  }
}

/** One of `items`, picked by `random`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}
