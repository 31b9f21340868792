import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { samplesToGpuRecords } from './gpu-records.js';
import { parsePrometheusText } from './prometheus-text.js';

const FIXTURE = readFileSync(new URL('../test-fixtures/dcgm-exporter-h100x2.prom', import.meta.url), 'utf8');
const URL_0 = 'http://dgx-h100-07:9400/metrics';
const records = (body: string) => samplesToGpuRecords(parsePrometheusText(body).samples, URL_0, 1_760_000_000_456_000_123n);

describe('samplesToGpuRecords on a recorded dcgm-exporter scrape (2× H100)', () => {
  const [gpu0, gpu1, ...others] = records(FIXTURE);

  it('emits one record per GPU with its identity from the labels', () => {
    expect(others).toEqual([]);
    expect(gpu0).toMatchObject({
      timestampNs: 1_760_000_000_456_000_123n,
      dcgmUrl: URL_0,
      gpuIndex: 0,
      gpuUuid: 'GPU-9b3c1f2e-5d4a-4c61-8f0e-2a7d13c9e401',
      gpuModelName: 'NVIDIA H100 80GB HBM3',
      pciBusId: '00000000:18:00.0',
      device: 'nvidia0',
      hostname: 'dgx-h100-07',
      namespace: null,
      podName: null,
    });
    expect(gpu1).toMatchObject({ gpuIndex: 1, gpuUuid: 'GPU-4e0a77d1-91bc-4f3e-a6d2-7c58e0b2f913', device: 'nvidia1' });
  });

  it('maps v0.8 field names and scales units (mJ→MJ, MiB→GB, ratio→%)', () => {
    const data = gpu0?.telemetryData ?? {};
    expect(Object.keys(data).sort()).toEqual([
      'decoder_utilization', 'encoder_utilization', 'energy_consumption', 'gpu_memory_used', 'gpu_power_usage',
      'gpu_temperature', 'gpu_utilization', 'mem_utilization', 'memory_clock_frequency', 'power_violation',
      'sm_clock_frequency', 'sm_utilization', 'xid_errors',
    ]);
    expect(data.gpu_power_usage).toBeCloseTo(348.715, 9);
    expect(data.energy_consumption).toBeCloseTo(0.2351, 12);
    expect(data.gpu_utilization).toBe(66);
    expect(data.mem_utilization).toBe(29);
    expect(data.gpu_memory_used).toBeCloseTo(88510 * 1.048576e-3, 9); // 92.81 GB
    expect(data.gpu_temperature).toBe(39);
    expect(data.sm_utilization).toBeCloseTo(61.3042, 9);
    expect(data.sm_clock_frequency).toBe(1980);
    expect(data.memory_clock_frequency).toBe(2619);
    expect(data.xid_errors).toBe(0);
    expect(data.power_violation).toBe(1520);
    expect(gpu1?.telemetryData.gpu_power_usage).toBeCloseTo(121.403, 9);
    expect(gpu1?.telemetryData.gpu_memory_used).toBeCloseTo(12036 * 1.048576e-3, 9);
  });
});

describe('samplesToGpuRecords edge cases', () => {
  it('skips NaN/±Inf values and samples without an integer gpu label', () => {
    const body = [
      'DCGM_FI_DEV_GPU_UTIL{gpu="0"} NaN',
      'DCGM_FI_DEV_GPU_TEMP{gpu="0"} +Inf',
      'DCGM_FI_DEV_POWER_USAGE{gpu="0"} 100',
      'DCGM_FI_DEV_POWER_USAGE{gpu="x"} 200',
      'DCGM_FI_DEV_POWER_USAGE{gpu="1.5"} 300',
      'DCGM_FI_DEV_POWER_USAGE 400',
    ].join('\n');
    const result = records(body);
    expect(result).toHaveLength(1);
    expect(result[0]?.telemetryData).toEqual({ gpu_power_usage: 100 });
  });

  it('strips a trailing _total and reads the lowercase hostname / pod / namespace labels of newer exporters', () => {
    const body = 'DCGM_FI_DEV_XID_ERRORS_total{gpu="3",uuid="GPU-z",hostname="node9",namespace="llm",pod="vllm-0"} 2\n';
    expect(records(body)[0]).toMatchObject({
      gpuIndex: 3, gpuUuid: 'GPU-z', hostname: 'node9', namespace: 'llm', podName: 'vllm-0', telemetryData: { xid_errors: 2 },
    });
  });

  it('ignores non-DCGM metrics entirely (no record for a GPU without tracked fields)', () => {
    expect(records('process_cpu_seconds_total 3\nDCGM_FI_DEV_PCIE_REPLAY_COUNTER{gpu="0"} 1\n')).toEqual([]);
  });
});
