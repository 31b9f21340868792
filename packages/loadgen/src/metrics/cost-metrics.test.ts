import { describe, expect, it } from 'vitest';
import { buildSummaryCsv } from '../export/summary-csv.js';
import { renderMetricsTable } from '../export/console-table.js';
import { makeRecord } from '../test-records.js';
import { computeMetrics } from './compute.js';
import { formatMoney } from './cost-metrics.js';

// Two requests over exactly 3.6 s: 30 + 10 input tokens, 6 + 2 output tokens. At $10/hour the window costs $0.01.
const records = [
  makeRecord({ startMs: 0, contentMs: [100, 200, 300, 400, 500, 3600], inputTokenCount: 30 }),
  makeRecord({ startMs: 1000, contentMs: [100, 200], inputTokenCount: 10 }),
];
const byTag = (results: ReturnType<typeof computeMetrics>) => Object.fromEntries(results.map((r) => [r.tag, r]));

describe('cost metrics', () => {
  it('divide the window cost at the hourly price by input tokens, output tokens and requests', () => {
    const results = byTag(computeMetrics(records, { context: { streaming: true, producesTokens: true, costPerHourUsd: 10 } }));
    expect(results.benchmark_duration!.avg).toBeCloseTo(3.6, 9);
    expect(results.benchmark_cost).toMatchObject({ unit: 'USD' });
    expect(results.benchmark_cost!.avg).toBeCloseTo(0.01, 12);
    expect(results.cost_per_million_input_tokens!.avg).toBeCloseTo((0.01 / 40) * 1e6, 6);
    expect(results.cost_per_million_output_tokens!.avg).toBeCloseTo((0.01 / 8) * 1e6, 6);
    expect(results.cost_per_request).toMatchObject({ unit: 'USD/request' });
    expect(results.cost_per_request!.avg).toBeCloseTo(0.005, 12);
  });

  it('are absent without a price, and printed with significant digits in the console and the CSV', () => {
    const unpriced = byTag(computeMetrics(records, { context: { streaming: true, producesTokens: true } }));
    expect(unpriced.cost_per_request).toBeUndefined();
    const priced = computeMetrics(records, { context: { streaming: true, producesTokens: true, costPerHourUsd: 2 } });
    expect(renderMetricsTable(priced).replace(/ +/g, ' ')).toContain('│ Cost per Request (USD/request) │ 0.001 │ N/A │');
    const csv = buildSummaryCsv(priced);
    expect(csv).toContain('\nCost per 1M Output Tokens (USD/1M tokens),250.00\n');
    expect(csv).toContain('\nCost per Request (USD/request),0.001\n');
    expect([formatMoney(0.00012345), formatMoney(1.5), formatMoney(1234)]).toEqual(['0.0001235', '1.50', '1,234.00']);
  });
});
