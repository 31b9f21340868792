import type { Rng } from './rng.js';

/**
 * A Gamma(shape, scale) draw (mean shape × scale) by Marsaglia and Tsang's squeeze method; a shape below 1 draws
 * Gamma(shape + 1) and scales it by U^(1/shape). Hand-written: no maintained npm package draws from a seeded
 * stream that is not its own, and the method is twenty lines.
 */
export function gammaVariate(rng: Rng, shape: number, scale: number): number {
  if (!(shape > 0) || !(scale > 0)) throw new RangeError(`gamma needs shape > 0 and scale > 0 (got ${shape}, ${scale})`);
  if (shape < 1) return gammaVariate(rng, shape + 1, scale) * (1 - rng.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal(0, 1);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
