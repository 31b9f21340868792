// File names of a run directory, as AIPerf writes them.
export const RUN_FILES = {
  requests: 'profile_export.jsonl',
  summary: 'profile_export_aiperf.json',
  aggregate: 'profile_export_aiperf_aggregate.json',
  timeslicesCsv: 'profile_export_aiperf_timeslices.csv',
  gpuTelemetry: 'gpu_telemetry_export.jsonl',
  materializedConfig: '.aiperf-plot-config.yaml',
} as const;
