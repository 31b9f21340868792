import type { SweepRow } from './points.js';
import type { PostProcessHandler } from './types.js';

function metricValue(row: SweepRow, tag: string, stat: string): number | null {
  const raw = row.metrics[`${tag}_${stat}`]?.mean ?? row.metrics[tag]?.[stat === 'avg' ? 'mean' : stat];
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}

/** One cell per sweep row with the global Pareto frontier marked: x minimised, y maximised. */
export const paretoSweepExportHandler: PostProcessHandler = {
  name: 'pareto_sweep_export',
  description: 'Export every (isl, osl, concurrency) cell with its latency/throughput point and Pareto optimality.',
  process(aggregate, params) {
    const xMetric = String(params.x_metric ?? 'time_to_first_token');
    const xStat = String(params.x_stat ?? 'p95');
    const yMetric = String(params.y_metric ?? 'output_token_throughput');
    const yStat = String(params.y_stat ?? 'avg');
    const rows = (aggregate.per_combination_metrics ?? []) as SweepRow[];
    const cells = rows.map((row) => ({
      isl: row.parameters.isl ?? null,
      osl: row.parameters.osl ?? null,
      concurrency: row.parameters.concurrency ?? null,
      x: metricValue(row, xMetric, xStat),
      y: metricValue(row, yMetric, yStat),
    }));
    const finite = cells.filter((c): c is typeof c & { x: number; y: number } => c.x !== null && c.y !== null);
    const dominated = (c: { x: number; y: number }) =>
      finite.some((o) => o !== c && o.x <= c.x && o.y >= c.y && (o.x < c.x || o.y > c.y));
    return {
      x_metric: xMetric,
      x_stat: xStat,
      y_metric: yMetric,
      y_stat: yStat,
      cells: cells.map((c) => ({ ...c, pareto_optimal: c.x !== null && c.y !== null && !dominated(c as { x: number; y: number }) })),
    };
  },
};
