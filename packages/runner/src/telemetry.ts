import type { BenchmarkConfig } from '@aiperf/config';
import type { RunSidecar } from '@aiperf/loadgen';
import { createServerMetricsSidecar } from '@aiperf/server-metrics';
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

/** A fresh server metrics sidecar per run (the endpoint's /metrics plus `--server-metrics` URLs), unless `--no-server-metrics`. */
export function serverMetricsSidecars(benchmark: BenchmarkConfig, warn: (line: string) => void): RunSidecar[] {
  const { serverMetrics, endpoint, output } = benchmark;
  if (!serverMetrics.enabled) return [];
  return [
    createServerMetricsSidecar({
      urls: serverMetrics.urls,
      inferenceUrls: [endpoint.url],
      intervalMs: serverMetrics.intervalMs,
      formats: serverMetrics.formats,
      exportPrefix: output.exportPrefix,
      sliceDurationSeconds: output.sliceDurationSeconds,
      warn,
    }),
  ];
}
