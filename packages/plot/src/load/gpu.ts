import type { GpuSample } from '../types.js';
import { readLines } from './lines.js';

const TIMESTAMP_NS = /"timestamp_ns"\s*:\s*(\d+)/;

/** The same quantity under the v0.8 names and the schema-1.5 `nvidia_` names; newer names win. */
const FIELD_VARIANTS = {
  utilizationPct: ['nvidia_gpu_utilization', 'gpu_utilization'],
  memoryUsedGb: ['nvidia_memory_used', 'nvidia_gpu_memory_used', 'gpu_memory_used'],
  powerW: ['nvidia_power_usage', 'nvidia_gpu_power_usage', 'gpu_power_usage'],
} as const;

const pick = (data: Record<string, unknown>, names: readonly string[]): number | null => {
  for (const name of names) if (typeof data[name] === 'number') return data[name] as number;
  return null;
};

/**
 * Streams `gpu_telemetry_export.jsonl`. `timestampS` is relative to `baseNs` (the run's first request start)
 * or, without requests, to the first sample. Returns null when no sample could be read.
 */
export async function readGpuTelemetry(path: string, baseNs: bigint | null): Promise<GpuSample[] | null> {
  const samples: GpuSample[] = [];
  let base = baseNs;
  for await (const line of readLines(path)) {
    const match = TIMESTAMP_NS.exec(line);
    if (!match) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    const timestampNs = BigInt(match[1]!);
    base ??= timestampNs;
    const data = (record.telemetry_data ?? record) as Record<string, unknown>;
    samples.push({
      timestampS: Number(timestampNs - base) / 1e9,
      gpuKey: `${String(record.dcgm_url ?? '')}#${String(record.gpu_uuid ?? record.gpu_index ?? '')}`,
      utilizationPct: pick(data, FIELD_VARIANTS.utilizationPct),
      memoryUsedGb: pick(data, FIELD_VARIANTS.memoryUsedGb),
      powerW: pick(data, FIELD_VARIANTS.powerW),
    });
  }
  return samples.length > 0 ? samples : null;
}
