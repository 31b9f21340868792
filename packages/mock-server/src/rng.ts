// Seeds for the shared seeded RNG: the same seed and input always give the same output,
// so a benchmark run against the mock server can be repeated exactly.
import type { Rng } from '@aiperf/stats';

/** FNV-1a 32-bit hash of a string, optionally mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Combines two integers into one well-spread 32-bit seed. */
export function mixSeeds(a: number, b: number): number {
  let hash = Math.imul((a ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(b >>> 0, 0xc2b2ae35);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x7feb352d);
  hash ^= hash >>> 15;
  return hash >>> 0;
}

/** Uniform draw in [mean - spread, mean + spread], never below zero. */
export function jittered(rng: Rng, mean: number, spread: number): number {
  if (spread <= 0) return mean;
  return Math.max(0, mean + (rng.next() * 2 - 1) * spread);
}
