/** `telemetry_data` of a summary (GPU telemetry): endpoint key → its GPUs. */
interface TelemetryData {
  summary: { endpoints_configured: string[]; endpoints_successful: string[]; start_time: string; end_time: string };
  endpoints: Record<string, unknown>;
  error_summary: unknown[] | null;
}

/**
 * GPU telemetry of the shards, one copy per source: every shard scrapes the same DCGM exporters, so an endpoint's
 * GPUs are taken from the first shard (lowest index) that reached it, never counted once per shard.
 */
export function mergeTelemetryData(perShard: ReadonlyArray<TelemetryData | undefined>): TelemetryData | undefined {
  const present = perShard.filter((t): t is TelemetryData => t !== undefined && t !== null);
  if (present.length === 0) return undefined;
  const endpoints: Record<string, unknown> = {};
  for (const data of present) {
    for (const [key, gpus] of Object.entries(data.endpoints ?? {})) if (!(key in endpoints)) endpoints[key] = gpus;
  }
  const unique = (lists: string[][]) => [...new Set(lists.flat())];
  const first = present[0]!;
  return {
    summary: {
      endpoints_configured: unique(present.map((d) => d.summary?.endpoints_configured ?? [])),
      endpoints_successful: unique(present.map((d) => d.summary?.endpoints_successful ?? [])),
      start_time: first.summary?.start_time,
      end_time: first.summary?.end_time,
    },
    endpoints,
    error_summary: present.some((d) => d.error_summary) ? present.flatMap((d) => d.error_summary ?? []) : null,
  };
}

/** A `gpu_telemetry_export.jsonl` line's source: the exporter and the GPU. */
export const gpuLineSource = (line: { dcgm_url?: unknown; gpu_uuid?: unknown; gpu_index?: unknown }): string =>
  `${String(line.dcgm_url)}\u0000${String(line.gpu_uuid ?? line.gpu_index)}`;
