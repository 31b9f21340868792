import { mean as meanOf } from '@aiperf/stats';

/** Least-squares polynomial fit via the normal equations (degree ≤ 2 here, so a 3×3 solve). */
export function polyfit(xs: readonly number[], ys: readonly number[], degree: number): number[] {
  const size = degree + 1;
  // a[i][j] = Σ x^(i+j), b[i] = Σ y·x^i, unknowns lowest degree first.
  const a = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => xs.reduce((s, x) => s + x ** (i + j), 0)));
  const b = Array.from({ length: size }, (_, i) => xs.reduce((s, x, k) => s + ys[k]! * x ** i, 0));
  for (let col = 0; col < size; col++) {
    const pivot = a.slice(col).reduce((best, row, k) => (Math.abs(row[col]!) > Math.abs(a[best]![col]!) ? col + k : best), col);
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let row = col + 1; row < size; row++) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < size; k++) a[row]![k]! -= factor * a[col]![k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const coefficients = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = b[row]!;
    for (let k = row + 1; k < size; k++) sum -= a[row]![k]! * coefficients[k]!;
    coefficients[row] = sum / a[row]![row]!;
  }
  return coefficients.reverse(); // highest degree first, like numpy.polyfit
}

/** Coefficient of determination; 0 when y is constant (no variance to explain). */
export function rSquared(xs: readonly number[], ys: readonly number[], coefficients: readonly number[]): number {
  const mean = meanOf(ys);
  const total = ys.reduce((s, y) => s + (y - mean) ** 2, 0);
  if (total === 0) return 0;
  const predict = (x: number) => coefficients.reduce((acc, c) => acc * x + c, 0);
  const residual = ys.reduce((s, y, k) => s + (y - predict(xs[k]!)) ** 2, 0);
  return 1 - residual / total;
}
