import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GpuTelemetryRecord } from './gpu-records.js';
import { gpuRecordToJsonLine, writeGpuTelemetryJsonl } from './jsonl.js';
import { makeTempDir } from '@aiperf/test-kit';

const record: GpuTelemetryRecord = {
  timestampNs: 1_760_000_000_456_000_123n,
  dcgmUrl: 'http://localhost:9401/metrics', gpuIndex: 0, gpuUuid: 'GPU-afc3', gpuModelName: 'NVIDIA H100 80GB HBM3',
  pciBusId: '00000000:02:00.0', device: 'nvidia0', hostname: 'node1', namespace: null, podName: null,
  telemetryData: { gpu_power_usage: 348.7, energy_consumption: 0.2351, xid_errors: 0 },
};

describe('gpu_telemetry_export.jsonl', () => {
  it('writes the JSONL line with the full-precision epoch-ns timestamp', () => {
    expect(gpuRecordToJsonLine(record)).toBe(
      '{"timestamp_ns":1760000000456000123,"dcgm_url":"http://localhost:9401/metrics","gpu_index":0,"gpu_uuid":"GPU-afc3",' +
        '"gpu_model_name":"NVIDIA H100 80GB HBM3","pci_bus_id":"00000000:02:00.0","device":"nvidia0","hostname":"node1",' +
        '"namespace":null,"pod_name":null,"telemetry_data":{"gpu_power_usage":348.7,"energy_consumption":0.2351,"xid_errors":0}}',
    );
  });

  it('writes every record, one per line, across batches', async () => {
    const dir = await makeTempDir('dcgm-jsonl-');
    try {
      const records = Array.from({ length: 250 }, (_, i) => ({ ...record, timestampNs: record.timestampNs + BigInt(i) }));
      await writeGpuTelemetryJsonl(join(dir, 'gpu_telemetry_export.jsonl'), records);
      const lines = (await readFile(join(dir, 'gpu_telemetry_export.jsonl'), 'utf8')).split('\n');
      expect(lines).toHaveLength(251);
      expect(lines[250]).toBe('');
      expect(lines[249]).toMatch(/^\{"timestamp_ns":1760000000456000372,/);
      expect(JSON.parse(lines[0] as string).telemetry_data).toEqual(record.telemetryData);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
