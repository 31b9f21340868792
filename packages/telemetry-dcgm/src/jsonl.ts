// gpu_telemetry_export.jsonl: one line per GPU per successful scrape.
import { open } from 'node:fs/promises';
import type { GpuTelemetryRecord } from './gpu-records.js';

const LINES_PER_WRITE = 100;

/** One JSON line; `timestamp_ns` is written from the bigint so it keeps all its digits. */
export function gpuRecordToJsonLine(record: GpuTelemetryRecord): string {
  const rest = JSON.stringify({
    dcgm_url: record.dcgmUrl,
    gpu_index: record.gpuIndex,
    gpu_uuid: record.gpuUuid,
    gpu_model_name: record.gpuModelName,
    pci_bus_id: record.pciBusId,
    device: record.device,
    hostname: record.hostname,
    namespace: record.namespace,
    pod_name: record.podName,
    telemetry_data: record.telemetryData,
  });
  return `{"timestamp_ns":${record.timestampNs.toString()},${rest.slice(1)}`;
}

/** Writes every record (all phases, warmup included) in batches, replacing any existing file. */
export async function writeGpuTelemetryJsonl(path: string, records: readonly GpuTelemetryRecord[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (let start = 0; start < records.length; start += LINES_PER_WRITE) {
      const batch = records.slice(start, start + LINES_PER_WRITE).map(gpuRecordToJsonLine);
      await file.write(`${batch.join('\n')}\n`);
    }
  } finally {
    await file.close();
  }
}
