// Percentiles estimated from cumulative Prometheus histogram buckets (server metrics and their plots). Pure.
//
// Prometheus' own rule (histogram_quantile): find the bucket holding the rank, interpolate linearly between
// its lower and upper bound; the first bucket starts at 0 (when its bound is positive); a rank in the +Inf
// bucket is reported as the highest finite bound, the most the buckets can tell.

/** `bounds` ascending (last +Inf), `cumulative` counts per bound; `fraction` in [0, 1]. NaN when empty. */
export function histogramQuantile(bounds: readonly number[], cumulative: readonly number[], fraction: number): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (!(total > 0)) return Number.NaN;
  const rank = fraction * total;
  let index = cumulative.findIndex((count) => count >= rank);
  if (index < 0) index = cumulative.length - 1;
  const upper = bounds[index] as number;
  if (upper === Number.POSITIVE_INFINITY) return highestFinite(bounds);
  const lower = index === 0 ? Math.min(0, upper) : (bounds[index - 1] as number);
  const below = index === 0 ? 0 : (cumulative[index - 1] as number);
  const inBucket = (cumulative[index] as number) - below;
  if (inBucket <= 0) return upper;
  return lower + (upper - lower) * ((rank - below) / inBucket);
}

function highestFinite(bounds: readonly number[]): number {
  for (let i = bounds.length - 1; i >= 0; i--) if (Number.isFinite(bounds[i])) return bounds[i] as number;
  return Number.NaN;
}

/** Bucket key as AIPerf writes it: the bound's decimal text, `+Inf` for the last. */
export function boundKey(bound: number): string {
  return bound === Number.POSITIVE_INFINITY ? '+Inf' : String(bound);
}
