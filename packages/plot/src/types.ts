// Data shapes shared by the loaders, the spec builders and the renderer. Pure data, no I/O.

/** Columnar per-request data; times are nanosecond offsets from `RunRequests.baseNs` (epoch ns as bigint). */
export interface RunRequests {
  /** Epoch ns every `*OffsetNs` column is relative to (the first `request_start_ns` seen in the file). */
  baseNs: bigint;
  count: number;
  requestStartOffsetNs: Float64Array;
  requestEndOffsetNs: Float64Array;
  /**
   * Every per-request metric of the records by tag (`time_to_second_token`, `prefill_throughput`, …; arrays such
   * as `inter_chunk_latency` as `<tag>_avg`, `_p50`, `_p95`, `_std`, `_min`, `_max`, `_range`). NaN where a
   * record has no value. The named fields below are the columns the built-in plots use.
   */
  columns: Record<string, Float64Array>;
  /** NaN where the record has no value for that metric. */
  timeToFirstTokenMs: Float64Array;
  interTokenLatencyMs: Float64Array;
  requestLatencyMs: Float64Array;
  outputSequenceLength: Float64Array;
  inputSequenceLength: Float64Array;
  /** Units seen in the JSONL per metric tag (e.g. `time_to_first_token` → `ms`). */
  units: Record<string, string>;
  /** Records whose `error` was set. */
  errorCount: number;
  /** Lines that could not be parsed (skipped with a warning). */
  invalidLineCount: number;
}

/** One stats block of the summary JSON (`{unit, avg, p50, …}`). */
export interface MetricStats {
  unit: string;
  [stat: string]: number | string | null | undefined;
}

export interface TimesliceRow {
  timeslice: number;
  metric: string;
  unit: string;
  stat: string;
  value: number;
}

export interface GpuSample {
  /** Offset from the run's base in seconds (relative to the first request start when requests are loaded). */
  timestampS: number;
  /** `<dcgm_url>#<gpu_uuid or index>`: one GPU as seen by one exporter. */
  gpuKey: string;
  /** A short legend name: `GPU <index>`, with the exporter when several scrape GPUs of one index. */
  gpuName: string;
  /** Every numeric telemetry field of the scrape by canonical name (`gpu_utilization`, `gpu_temperature`, `sm_clock_frequency`, …). */
  values: Record<string, number>;
}

export interface RunMetadata {
  model: string | null;
  concurrency: number | null;
  requestCount: number | null;
  requestRate: number | null;
  endpointType: string | null;
  sliceDurationS: number | null;
  gpuCount: number;
  startTime: string | null;
  endTime: string | null;
  wasCancelled: boolean;
}

/** A run's server_metrics_export.json (AIPerf schema 1.0), as read. */
export interface ServerMetricsData {
  sliceDurationS: number | null;
  metrics: Record<string, {
    type: 'gauge' | 'counter' | 'histogram' | 'unknown';
    description?: string;
    unit?: string | null;
    series: {
      endpoint_url: string;
      labels: Record<string, string> | null;
      stats: Record<string, number>;
      buckets?: Record<string, number>;
      timeslices?: Record<string, number | boolean | Record<string, number>>[];
    }[];
  }>;
}

/** What a sweep cell varied: parameter (short name or YAML path) → value, and the variant's name when it is one. */
export interface SweepCell {
  values: Record<string, number | string | boolean>;
  variant: string | null;
}

export interface RunData {
  /** Absolute run directory. */
  dir: string;
  runName: string;
  metadata: RunMetadata;
  /** Summary metrics by tag (includes derived `output_token_throughput_per_gpu` when GPU count ≥ 1). */
  metrics: Record<string, MetricStats>;
  /** Flattened `input_config` (dotted keys). */
  inputConfig: Record<string, unknown>;
  /** The sweep cell this run is (its `sweep_cell.json`, or an aggregate's variation metadata); null for other runs. */
  sweepCell?: SweepCell | null;
  requests: RunRequests | null;
  timeslices: TimesliceRow[] | null;
  gpu: GpuSample[] | null;
  /** The inference server's own metrics (server_metrics_export.json), when the run collected them. */
  serverMetrics?: ServerMetricsData | null;
  /** Set by classification: `baseline` | `treatment` (`treatment` without a classification block). */
  experimentType: ExperimentType;
  experimentGroup: string;
  warnings: string[];
}

export type ExperimentType = 'baseline' | 'treatment';
