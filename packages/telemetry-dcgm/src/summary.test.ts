import { describe, expect, it } from 'vitest';
import type { GpuTelemetryRecord } from './gpu-records.js';
import { summarizeTelemetry, type EndpointOutcome } from './summary.js';
import { epochNsToIso } from './time.js';
import { endpointKeys } from './urls.js';

const BASE_NS = 1_760_000_000_000_000_000n;
const URL_A = 'http://node1:9401/metrics';
const URL_B = 'http://127.0.0.1:9/metrics';

function record(offsetMs: number, gpuIndex: number, data: Record<string, number>): GpuTelemetryRecord {
  return {
    timestampNs: BASE_NS + BigInt(offsetMs) * 1_000_000n,
    dcgmUrl: URL_A, gpuIndex, gpuUuid: `GPU-${gpuIndex}`, gpuModelName: 'NVIDIA H100 80GB HBM3', pciBusId: null,
    device: `nvidia${gpuIndex}`, hostname: 'node1', namespace: null, podName: null, telemetryData: data,
  };
}

const ok = (url: string, successfulScrapes: number): EndpointOutcome => ({ url, successfulScrapes, failedScrapes: 0, problems: new Set(), lastError: null });
const window = { startEpochNs: BASE_NS + 1_000_000_000n, endEpochNs: BASE_NS + 3_000_000_000n };

describe('summarizeTelemetry', () => {
  // Energy in MJ rises by 0.01 per scrape; one scrape before the window (warmup) and one after.
  const records = [0, 1000, 1500, 2000, 2500, 3000, 3500].map((ms, i) =>
    record(ms, 0, { gpu_power_usage: 100 + 10 * i, energy_consumption: 1 + 0.01 * i, xid_errors: 0 }),
  );

  it('summarizes only samples inside the profiling window, gauges with full stats', () => {
    const data = summarizeTelemetry(records, window, [ok(URL_A, 7)]);
    const power = data.endpoints['node1:9401']?.gpus.gpu_0?.metrics.gpu_power_usage;
    // In-window powers: 110, 120, 130, 140, 150.
    expect(power).toMatchObject({ unit: 'W', avg: 130, min: 110, max: 150, p50: 130, p90: 146, p99: 149.6, count: 5 });
    expect((power as { std: number }).std).toBeCloseTo(15.811388300841896, 12);
  });

  it('reports counters with full stats of their absolute readings (as AIPerf) and their increase over the window', () => {
    const gpu = summarizeTelemetry(records, window, [ok(URL_A, 7)]).endpoints['node1:9401']?.gpus.gpu_0;
    // In-window energy readings 1.01 … 1.05 MJ; the last reading before the window was 1.00.
    expect(gpu?.metrics.energy_consumption).toMatchObject({
      unit: 'MJ', avg: expect.closeTo(1.03, 12), min: 1.01, max: 1.05, p50: expect.closeTo(1.03, 12), count: 5, delta: expect.closeTo(0.05, 12),
    });
    expect(gpu?.metrics.energy_consumption).toHaveProperty('p99');
    expect(gpu?.metrics.xid_errors).toMatchObject({ unit: 'count', avg: 0, max: 0, delta: 0 });
  });

  it('falls back to the first in-window sample as the counter baseline, never below 0', () => {
    const inWindowOnly = records.slice(1, 6);
    const gpu = summarizeTelemetry(inWindowOnly, window, [ok(URL_A, 5)]).endpoints['node1:9401']?.gpus.gpu_0;
    expect(gpu?.metrics.energy_consumption?.delta).toBeCloseTo(0.04, 12);
    const reset = [record(1000, 0, { xid_errors: 5 }), record(2000, 0, { xid_errors: 1 })];
    const resetGpu = summarizeTelemetry(reset, window, [ok(URL_A, 2)]).endpoints['node1:9401']?.gpus.gpu_0;
    expect(resetGpu?.metrics.xid_errors?.delta).toBe(0);
  });

  it('writes the telemetry_data shape: endpoints, GPU identity, metric order, error summary', () => {
    const failing: EndpointOutcome = { url: URL_B, successfulScrapes: 0, failedScrapes: 4, problems: new Set(['unreachable']), lastError: 'ECONNREFUSED' };
    const data = summarizeTelemetry([...records, record(2000, 1, { gpu_temperature: 40 })], window, [ok(URL_A, 7), failing]);
    expect(data.summary).toEqual({
      endpoints_configured: [URL_A, URL_B],
      endpoints_successful: [URL_A],
      start_time: epochNsToIso(window.startEpochNs),
      end_time: epochNsToIso(window.endEpochNs),
    });
    const gpus = data.endpoints['node1:9401']?.gpus ?? {};
    expect(Object.keys(gpus)).toEqual(['gpu_0', 'gpu_1']);
    expect(gpus.gpu_1).toEqual({
      gpu_index: 1, gpu_name: 'NVIDIA H100 80GB HBM3', gpu_uuid: 'GPU-1', hostname: 'node1',
      metrics: { gpu_temperature: expect.objectContaining({ unit: '°C', avg: 40, std: 0, count: 1 }) },
    });
    expect(Object.keys(gpus.gpu_0?.metrics ?? {})).toEqual(['gpu_power_usage', 'energy_consumption', 'xid_errors']);
    expect(data.error_summary).toEqual([
      { error_details: { code: null, type: 'TelemetryEndpointUnreachable', message: `${URL_B}: ECONNREFUSED` }, count: 4 },
    ]);
  });

  it('leaves out GPUs with no sample in the window and says error_summary null when nothing failed', () => {
    const data = summarizeTelemetry([record(0, 0, { gpu_utilization: 1 })], window, [ok(URL_A, 1)]);
    expect(data.endpoints).toEqual({});
    expect(data.error_summary).toBeNull();
  });
});

describe('epochNsToIso', () => {
  it('writes local naive time with microseconds, like the run start_time', () => {
    const epochNs = BigInt(new Date(2026, 0, 5, 10, 0, 0, 100).getTime()) * 1_000_000n + 123_456n;
    expect(epochNsToIso(epochNs)).toBe('2026-01-05T10:00:00.100123');
  });
});

describe('endpointKeys', () => {
  it('uses host:port, adding the path only when two URLs share it', () => {
    const keys = endpointKeys(['http://h:8000/dcgm1/metrics', 'http://h:8000/dcgm2/metrics', 'http://g:9400/metrics']);
    expect([...keys.values()]).toEqual(['h:8000/dcgm1/metrics', 'h:8000/dcgm2/metrics', 'g:9400']);
  });
});
