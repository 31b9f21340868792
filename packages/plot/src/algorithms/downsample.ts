/**
 * Bounds what a chart draws: with more than `maxBuckets` points, x-ordered data is cut into `maxBuckets`
 * equal-count buckets and each keeps its min-y and max-y point (in x order), so spikes and dips stay visible
 * while a million requests render as at most 2 × maxBuckets points.
 */
export function minMaxDownsample(x: ArrayLike<number>, y: ArrayLike<number>, maxBuckets = 4000): { x: number[]; y: number[] } {
  const n = x.length;
  if (n <= maxBuckets * 2) return { x: Array.from(x), y: Array.from(y) };
  const outX: number[] = [];
  const outY: number[] = [];
  const bucketSize = n / maxBuckets;
  for (let b = 0; b < maxBuckets; b += 1) {
    const from = Math.floor(b * bucketSize);
    const to = Math.min(n, Math.floor((b + 1) * bucketSize));
    let minIndex = -1;
    let maxIndex = -1;
    for (let i = from; i < to; i += 1) {
      const value = y[i]!;
      if (!Number.isFinite(value)) continue;
      if (minIndex < 0 || value < y[minIndex]!) minIndex = i;
      if (maxIndex < 0 || value > y[maxIndex]!) maxIndex = i;
    }
    if (minIndex < 0) continue;
    for (const index of minIndex === maxIndex ? [minIndex] : [Math.min(minIndex, maxIndex), Math.max(minIndex, maxIndex)]) {
      outX.push(x[index]!);
      outY.push(y[index]!);
    }
  }
  return { x: outX, y: outY };
}
