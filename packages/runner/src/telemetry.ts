import type { BenchmarkConfig } from '@aiperf/config';
import type { RunSidecar } from '@aiperf/loadgen';
import { createGpuTelemetrySidecar } from '@aiperf/telemetry-dcgm';

/** A fresh GPU telemetry sidecar per run, unless `--no-gpu-telemetry`. */
export function gpuTelemetrySidecars(benchmark: BenchmarkConfig, warn: (line: string) => void): RunSidecar[] {
  const { telemetry, output } = benchmark;
  if (telemetry.gpuTelemetry === false) return [];
  return [
    createGpuTelemetrySidecar({
      urls: telemetry.gpuTelemetryUrls,
      intervalMs: telemetry.gpuTelemetryIntervalMs,
      includeDefaultUrls: true,
      showConsole: telemetry.gpuTelemetry === true,
      warn,
      ...(output.exportPrefix ? { exportFileName: `${output.exportPrefix}_gpu_telemetry.jsonl` } : {}),
    }),
  ];
}
