export interface ParetoPoint {
  x: number;
  y: number;
}

/**
 * Indices of the Pareto-optimal points. Points are sorted by x (ties: best y first), scanned
 * from the best-x end, and kept while their y is at least as good as the best seen so far (non-strict, so exact
 * duplicates are all kept). Returns indices into `points`, ordered by ascending x.
 */
export function paretoFrontier(points: readonly ParetoPoint[], lowerXBetter: boolean, lowerYBetter: boolean): number[] {
  const order = points
    .map((point, index) => ({ ...point, index }))
    .filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y))
    .sort((a, b) => a.x - b.x || (lowerYBetter ? a.y - b.y : b.y - a.y));
  const scan = lowerXBetter ? order : [...order].reverse();
  let best = lowerYBetter ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const frontier: typeof order = [];
  for (const point of scan) {
    if (lowerYBetter ? point.y <= best : point.y >= best) {
      best = point.y;
      frontier.push(point);
    }
  }
  return frontier.sort((a, b) => a.x - b.x).map((point) => point.index);
}

const HIGHER_IS_BETTER = new Set([
  'output_token_throughput_per_gpu',
  'output_token_throughput_per_user',
  'output_token_throughput',
  'request_throughput',
  'goodput',
  'total_token_throughput',
  'request_count',
  'output_sequence_length',
  'input_sequence_length',
  'concurrency',
]);
const LOWER_IS_BETTER = /latency|time_to_|ttft|itl|duration/;

/** Direction of a metric for the frontier; unknown metrics are an error (the plot fails, others go on). */
export function lowerIsBetter(metric: string): boolean {
  const base = metric.replace(/_(avg|p\d+|min|max|std)$/, '');
  if (HIGHER_IS_BETTER.has(base)) return false;
  if (LOWER_IS_BETTER.test(base)) return true;
  throw new Error(`Unknown optimisation direction for metric '${metric}' (Pareto plots need latency or throughput metrics)`);
}
