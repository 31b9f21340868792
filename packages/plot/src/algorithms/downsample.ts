/**
 * Bounds what a chart draws: with more than `maxBuckets × (2 + samplesPerBucket)` points, x-ordered data is cut
 * into `maxBuckets` equal-count buckets; each keeps its min-y and max-y point (so spikes and dips stay visible)
 * plus `samplesPerBucket` evenly spaced members (so the spread in between still shows), in x order.
 */
export function minMaxDownsample(x: ArrayLike<number>, y: ArrayLike<number>, maxBuckets = 4000, samplesPerBucket = 0): { x: number[]; y: number[] } {
  const n = x.length;
  if (n <= maxBuckets * (2 + samplesPerBucket)) return { x: Array.from(x), y: Array.from(y) };
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
    const keep = new Set([minIndex, maxIndex]);
    for (let k = 1; k <= samplesPerBucket; k += 1) {
      const index = from + Math.floor(((to - from) * k) / (samplesPerBucket + 1));
      if (Number.isFinite(y[index]!)) keep.add(index);
    }
    for (const index of [...keep].sort((a, b) => a - b)) {
      outX.push(x[index]!);
      outY.push(y[index]!);
    }
  }
  return { x: outX, y: outY };
}

/**
 * Resamples a step function (value `v[i]` held from `t[i]` to `t[i+1]`) into `buckets` equal time buckets,
 * each holding the time-weighted mean: for a token rate that is exactly the tokens generated in the bucket
 * divided by its width, so no artificial spikes appear. Step functions with few events are returned as is.
 */
export function resampleStepFunction(t: ArrayLike<number>, v: ArrayLike<number>, buckets = 2000): { x: number[]; y: number[] } {
  const n = t.length;
  if (n <= buckets * 2) return { x: Array.from(t), y: Array.from(v) };
  const start = t[0]!;
  const width = (t[n - 1]! - start) / buckets;
  const area = new Float64Array(buckets);
  for (let i = 0; i < n - 1; i += 1) {
    let from = t[i]!;
    const to = t[i + 1]!;
    // Spread the segment [from, to) over the buckets it covers.
    while (from < to) {
      let bucket = Math.min(buckets - 1, Math.floor((from - start) / width));
      // Float rounding can put `from` exactly on the next bucket's start.
      if (bucket < buckets - 1 && start + (bucket + 1) * width <= from) bucket += 1;
      const bucketEnd = start + (bucket + 1) * width;
      const end = bucket === buckets - 1 ? to : Math.min(to, bucketEnd);
      area[bucket]! += v[i]! * (end - from);
      if (end <= from) break;
      from = end;
    }
  }
  const x = Array.from({ length: buckets }, (_, b) => start + b * width);
  const y = Array.from(area, (a) => a / width);
  // Close the step at the last event's value (0 once every request has finished).
  x.push(t[n - 1]!);
  y.push(v[n - 1]!);
  return { x, y };
}
