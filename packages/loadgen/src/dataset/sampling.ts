import { createRng } from '@aiperf/stats';

export type SamplingStrategy = 'sequential' | 'random' | 'shuffle';

/**
 * Which dataset entry session `index` uses. A pure function of (seed, index), so every worker thread agrees
 * without talking to the others and the same seed gives the same order however the load is split:
 * `sequential` wraps around in order, `random` draws with replacement, `shuffle` walks a fresh permutation of
 * the whole dataset per pass (no entry repeats within a pass).
 */
export function createEntryPicker(strategy: SamplingStrategy | null, seed: number | null, size: number): (index: number) => number {
  if (strategy === null || strategy === 'sequential' || size <= 1) return (index) => index % size;
  const base = createRng(seed ?? 0).fork(2_000_003);
  if (strategy === 'random') return (index) => base.fork(index).int(size);
  let pass = -1;
  let order: number[] = [];
  return (index) => {
    const wanted = Math.floor(index / size);
    if (wanted !== pass) {
      pass = wanted;
      order = permutation(size, base.fork(1_000_000_007 + pass));
    }
    return order[index % size]!;
  };
}

/** Fisher–Yates over 0…size-1. */
function permutation(size: number, rng: { int(n: number): number }): number[] {
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
