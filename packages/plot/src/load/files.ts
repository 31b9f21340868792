// File names of a run directory, as AIPerf writes them.
export const RUN_FILES = {
  requests: 'profile_export.jsonl',
  summary: 'profile_export_aiperf.json',
  aggregate: 'profile_export_aiperf_aggregate.json',
  timeslicesCsv: 'profile_export_aiperf_timeslices.csv',
  gpuTelemetry: 'gpu_telemetry_export.jsonl',
  materializedConfig: '.aiperf-plot-config.yaml',
  /** What a sweep cell varied (written by the runner into each cell's directory). */
  sweepCell: 'sweep_cell.json',
} as const;
