/**
 * The one seeded PRNG shape of aiperf: pure-rand's xoroshiro128+ with the few distributions a benchmark and the
 * mock server need. A `null` seed draws one from crypto, so unseeded runs still use one code path.
 */
import { randomInt } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** Uniform in [0, 1). A plain closure: `const next = rng.next` works. */
  next(): number;
  /** Normal(mean, stddev) via Box–Muller. */
  normal(mean: number, stddev: number): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** An independent child stream (for a worker thread or a sub-purpose), reproducible from this one. */
  fork(label: number): Rng;
}

export function createRng(seed: number | null): Rng {
  return seeded(seed ?? randomInt(0, 2 ** 31));
}

function seeded(seed: number): Rng {
  // xoroshiro128+ seeding keeps nearby seeds' first draws alike; one jump (2^64 draws) decorrelates them.
  const generator = xoroshiro128plus(seed);
  generator.jump();
  const next = (): number => uniformFloat64(generator);
  return {
    next,
    normal(mean, stddev) {
      if (stddev === 0) return mean;
      const u1 = 1 - next(); // (0, 1]: log(0) is not allowed
      const u2 = next();
      return mean + stddev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    exponential(mean) {
      return -mean * Math.log(1 - next());
    },
    int(n) {
      return Math.floor(next() * n);
    },
    fork(label) {
      return seeded((seed ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0);
    },
  };
}
