import type { RunMetric, RunValues } from './types.js';

// Cost metrics (with --gpu-cost-per-hour / --cost-per-hour): what the benchmark window cost at the deployment's
// hourly price, divided by what it served. Each divides the whole cost, as if the deployment did only that work,
// so input and output prices are upper bounds that are not to be added together.

/** USD money values are small (a request costs fractions of a cent): printed with significant digits, not 2 decimals. */
export const isMoneyUnit = (unit: string): boolean => unit.startsWith('USD');

/** 4 significant digits, at least 2 decimals (`0.0001234`, `1.50`, `1,234.00`). */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return 'N/A';
  const decimals = value === 0 ? 2 : Math.max(2, 3 - Math.floor(Math.log10(Math.abs(value))));
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: Math.min(decimals, 20) });
}

const benchmarkCostUsd = (run: RunValues): number | undefined => {
  const ns = run.scalar('benchmark_duration');
  const perHour = run.context.costPerHourUsd;
  return typeof ns === 'number' && ns > 0 && perHour ? (perHour * ns) / 1e9 / 3600 : undefined;
};

const costPer = (count: number | bigint | undefined, run: RunValues, scale: number): number | undefined => {
  const cost = benchmarkCostUsd(run);
  return cost === undefined || count === undefined || Number(count) <= 0 ? undefined : (cost / Number(count)) * scale;
};

export const costMetrics: RunMetric[] = [
  {
    tag: 'benchmark_cost', header: 'Benchmark Cost', unit: 'USD', displayUnit: 'USD', kind: 'derived',
    flags: ['no_console'], compute: benchmarkCostUsd,
  },
  {
    tag: 'cost_per_million_input_tokens', header: 'Cost per 1M Input Tokens', unit: 'USD/1M tokens', displayUnit: 'USD/1M tokens',
    displayOrder: 1010, kind: 'derived', flags: ['produces_tokens'], compute: (run) => costPer(run.scalar('total_isl'), run, 1e6),
  },
  {
    tag: 'cost_per_million_output_tokens', header: 'Cost per 1M Output Tokens', unit: 'USD/1M tokens', displayUnit: 'USD/1M tokens',
    displayOrder: 1020, kind: 'derived', flags: ['produces_tokens'], compute: (run) => costPer(run.scalar('total_osl'), run, 1e6),
  },
  {
    tag: 'cost_per_request', header: 'Cost per Request', unit: 'USD/request', displayUnit: 'USD/request',
    displayOrder: 1030, kind: 'derived', flags: [], compute: (run) => costPer(run.scalar('request_count'), run, 1),
  },
];
