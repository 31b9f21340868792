import { type SweepRow, cellMetric, sweptValue } from './points.js';
import type { PostProcessHandler } from './types.js';

/** ITL over the concurrency × OSL grid as observed (no interpolation; missing cells are null). */
export const itlSurfaceFitHandler: PostProcessHandler = {
  name: 'itl_surface_fit',
  description: 'Tabulate inter-token latency over concurrency × output length.',
  process(aggregate, params) {
    const tag = String(params.metric_tag ?? 'inter_token_latency');
    const stat = String(params.stat ?? 'avg');
    const cParam = String(params.concurrency_param ?? 'phases.profiling.concurrency');
    const oslParam = String(params.osl_param ?? 'datasets.main.prompts.osl');
    const raw: { concurrency: number; osl: number; itl_ms: number }[] = [];
    for (const row of (aggregate.per_combination_metrics ?? []) as SweepRow[]) {
      const c = sweptValue(row, cParam);
      const osl = sweptValue(row, oslParam);
      const itl = cellMetric(row, tag, stat);
      if (typeof c === 'number' && typeof osl === 'number' && typeof itl === 'number' && Number.isFinite(itl)) {
        raw.push({ concurrency: c, osl, itl_ms: itl });
      }
    }
    if (raw.length === 0) throw new Error(`no sweep cell has concurrency, osl and ${tag} ${stat}`);
    const axis = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
    const concurrencyAxis = axis(raw.map((p) => p.concurrency));
    const oslAxis = axis(raw.map((p) => p.osl));
    const grid = concurrencyAxis.map((c) => oslAxis.map((o) => raw.find((p) => p.concurrency === c && p.osl === o)?.itl_ms ?? null));
    return {
      swept_metric: tag,
      stat,
      swept_params: [cParam, oslParam],
      raw_points: raw,
      surface: { concurrency_axis: concurrencyAxis, osl_axis: oslAxis, itl_grid: grid },
    };
  },
};
