import { describe, expect, it } from 'vitest';
import { renderTelemetryConsole } from './console.js';
import type { EndpointOutcome, TelemetryData } from './summary.js';
import { formatStat } from './table.js';

const data: TelemetryData = {
  summary: { endpoints_configured: [], endpoints_successful: [], start_time: '', end_time: '' },
  endpoints: {
    'node1:9401': {
      gpus: {
        gpu_0: {
          gpu_index: 0, gpu_name: 'NVIDIA H100 80GB HBM3', gpu_uuid: 'GPU-0', hostname: 'node1',
          metrics: {
            energy_consumption: { unit: 'MJ', avg: 0.05, min: 0.05, max: 0.05, p1: 0.05, p5: 0.05, p10: 0.05, p25: 0.05, p50: 0.05, p75: 0.05, p90: 0.05, p95: 0.05, p99: 0.05, std: 0, count: 1 },
            gpu_power_usage: { unit: 'W', avg: 1348.7, min: 120.6, max: 1386, p1: 0, p5: 0, p10: 0, p25: 0, p50: 1378.3, p75: 0, p90: 1380, p95: 0, p99: 1386, std: 86, count: 9 },
          },
        },
      },
    },
  },
  error_summary: null,
};

const endpoints: EndpointOutcome[] = [
  { url: 'http://node1:9401/metrics', successfulScrapes: 9, failedScrapes: 0, problems: new Set(), lastError: null },
  { url: 'http://127.0.0.1:9/metrics', successfulScrapes: 0, failedScrapes: 3, problems: new Set(['unreachable']), lastError: 'ECONNREFUSED' },
];

describe('renderTelemetryConsole', () => {
  it('prints reachability and one table per GPU with the main table columns, in display order', () => {
    expect(renderTelemetryConsole(data, endpoints)).toMatchInlineSnapshot(`
      "
      AIPerf | GPU Telemetry Summary
      1/2 telemetry sources reachable
        ✔ http://node1:9401/metrics
        ✘ http://127.0.0.1:9/metrics (ECONNREFUSED)

                                  node1:9401 | GPU 0 | NVIDIA H100 80GB HBM3
      ┏━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━┓
      ┃                  Metric ┃      avg ┃    min ┃      max ┃      p99 ┃      p90 ┃      p50 ┃   std ┃
      ┡━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━┩
      │     GPU Power Usage (W) │ 1,348.70 │ 120.60 │ 1,386.00 │ 1,386.00 │ 1,380.00 │ 1,378.30 │ 86.00 │
      │ Energy Consumption (MJ) │     0.05 │   0.05 │     0.05 │     0.05 │     0.05 │     0.05 │  0.00 │
      └─────────────────────────┴──────────┴────────┴──────────┴──────────┴──────────┴──────────┴───────┘
      "
    `);
  });

  it('says so when no endpoint was reachable', () => {
    const empty = { ...data, endpoints: {} };
    expect(renderTelemetryConsole(empty, endpoints.slice(1))).toBe(
      '\nAIPerf | GPU Telemetry Summary\n0/1 telemetry sources reachable\n  ✘ http://127.0.0.1:9/metrics (ECONNREFUSED)\n',
    );
  });
});

describe('formatStat', () => {
  it('uses thousands separators, two decimals and N/A', () => {
    expect(formatStat(7463.284)).toBe('7,463.28');
    expect(formatStat(undefined)).toBe('N/A');
    expect(formatStat(Number.NaN)).toBe('N/A');
  });
});
