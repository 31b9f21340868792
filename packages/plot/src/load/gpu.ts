import type { GpuSample } from '../types.js';
import { readLines } from './lines.js';

const TIMESTAMP_NS = /"timestamp_ns"\s*:\s*(\d+)/;

/**
 * One name per GPU quantity: schema 1.5+ writes `nvidia_gpu_utilization`, `nvidia_memory_used`, … where older
 * exports write `gpu_utilization`, `gpu_memory_used`; both read as the older name.
 */
export function canonicalGpuField(name: string): string {
  if (!name.startsWith('nvidia_')) return name;
  const base = name.slice('nvidia_'.length);
  return base.startsWith('gpu_') || !GPU_PREFIXED.has(`gpu_${base}`) ? base : `gpu_${base}`;
}
const GPU_PREFIXED = new Set(['gpu_memory_used', 'gpu_memory_free', 'gpu_memory_total', 'gpu_power_usage', 'gpu_power_limit', 'gpu_temperature']);

/**
 * Streams `gpu_telemetry_export.jsonl`: every numeric field of each line's `telemetry_data` (temperature,
 * clocks, energy, …), under its canonical name (a `nvidia_` name wins over the older one on the same line).
 * `timestampS` is relative to `baseNs` (the run's first request start; scrapes before it are negative) or,
 * without requests, to the first sample. Returns null when no sample could be read.
 */
export async function readGpuTelemetry(path: string, baseNs: bigint | null): Promise<GpuSample[] | null> {
  const samples: GpuSample[] = [];
  const urls = new Set<string>();
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
    const values: Record<string, number> = {};
    for (const [name, value] of Object.entries(data)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || name === 'timestamp_ns' || name === 'gpu_index') continue;
      const canonical = canonicalGpuField(name);
      if (canonical === name && canonical in values) continue;
      values[canonical] = value;
    }
    const url = String(record.dcgm_url ?? '');
    samples.push({
      timestampS: Number(timestampNs - base) / 1e9,
      gpuKey: `${url}#${String(record.gpu_uuid ?? record.gpu_index ?? '')}`,
      gpuName: `GPU ${String(record.gpu_index ?? record.gpu_uuid ?? '?')}`,
      values,
    });
    urls.add(url);
  }
  if (urls.size > 1) for (const sample of samples) sample.gpuName += ` (${sample.gpuKey.split('#')[0]})`;
  return samples.length > 0 ? samples : null;
}

/** Names of the GPU fields with at least one value, in first-seen order. */
export function gpuFieldNames(samples: readonly GpuSample[]): string[] {
  const names = new Set<string>();
  for (const sample of samples) for (const name of Object.keys(sample.values)) names.add(name);
  return [...names];
}
