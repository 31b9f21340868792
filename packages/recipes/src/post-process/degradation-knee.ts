import { extractPoints, leafName } from './points.js';
import type { PostProcessHandler } from './types.js';

/** First swept value whose metric exceeds the lowest point's by more than `threshold_pct`. */
export const degradationKneeHandler: PostProcessHandler = {
  name: 'degradation_knee_detect',
  description: 'Find the first swept value where a latency metric degrades past a threshold over the baseline.',
  process(aggregate, params) {
    const tag = String(params.metric_tag ?? 'request_latency');
    const stat = String(params.stat ?? 'p99');
    const threshold = Number(params.threshold_pct ?? 0.2);
    const swept = String(params.swept_param ?? 'concurrency');
    const name = leafName(swept);
    const points = extractPoints(aggregate, swept, tag, stat);
    const baseline = points[0]!;
    const knee = points.slice(1).find((p) => p.y > baseline.y * (1 + threshold)) ?? null;
    return {
      [`baseline_${name}`]: baseline.x,
      [`baseline_${stat}`]: baseline.y,
      [`knee_${name}`]: knee?.x ?? null,
      [`knee_${stat}`]: knee?.y ?? null,
      threshold_pct: threshold,
      swept_metric: tag,
      stat,
      swept_param: swept,
      all_points: points.map((p) => ({ [name]: p.x, [stat]: p.y })),
    };
  },
};
