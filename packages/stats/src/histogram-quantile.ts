// Percentiles estimated from cumulative Prometheus histogram buckets (server metrics and their plots). Pure.
//
// Prometheus' own rule (histogram_quantile): find the bucket holding the rank, interpolate linearly between
// its lower and upper bound; the first bucket starts at 0 (when its bound is positive); a rank in the +Inf
// bucket is reported as the highest finite bound, the most the buckets can tell.

/**
 * `bounds` ascending (last +Inf), `cumulative` counts per bound; `fraction` in [0, 1]. NaN when empty.
 * With the observations' `sum`: when they all fell into one bucket their mean is known exactly, so the estimate
 * is a uniform spread centred on that mean, as wide as the bucket allows (a server answering in exactly 20 ms
 * reads 20 ms, not the 15 ms midpoint of (10, 20]; a +Inf bucket reads its mean, not the last finite bound).
 */
export function histogramQuantile(bounds: readonly number[], cumulative: readonly number[], fraction: number, sum?: number): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (!(total > 0)) return Number.NaN;
  const single = sum === undefined ? undefined : singleBucket(bounds, cumulative, total);
  if (single && sum !== undefined && Number.isFinite(sum)) {
    const mean = sum / total;
    const half = Math.max(0, Math.min(mean - single.lower, single.upper - mean));
    return mean - half + 2 * half * fraction;
  }
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

/** The one bucket holding every observation, with its bounds; undefined when they are spread over several. */
function singleBucket(bounds: readonly number[], cumulative: readonly number[], total: number): { lower: number; upper: number } | undefined {
  const index = cumulative.findIndex((count) => count > 0);
  if (index < 0 || cumulative[index] !== total) return undefined;
  const upper = bounds[index] as number;
  return { lower: index === 0 ? Math.min(0, upper) : (bounds[index - 1] as number), upper };
}

function highestFinite(bounds: readonly number[]): number {
  for (let i = bounds.length - 1; i >= 0; i--) if (Number.isFinite(bounds[i])) return bounds[i] as number;
  return Number.NaN;
}

/** Bucket key as AIPerf writes it: the bound's decimal text, `+Inf` for the last. */
export function boundKey(bound: number): string {
  return bound === Number.POSITIVE_INFINITY ? '+Inf' : String(bound);
}
