// DCGM exporter field → aiperf v0.8 record field, display name, unit and scaling.

export type TelemetryMetricKind = 'gauge' | 'counter';

export interface DcgmFieldSpec {
  /** Prometheus metric name as the exporter writes it (without a trailing `_total`). */
  dcgmName: string;
  /** Key inside a record's `telemetry_data` and in the summary's `metrics`. */
  field: string;
  displayName: string;
  unit: string;
  /** Multiplies the raw exporter value into `unit`. */
  scale: number;
  /** Counters are summarized as the increase over the profiling window. */
  kind: TelemetryMetricKind;
}

/**
 * In console/CSV display order. The clock fields are not in the v0.8 table: they use the early-build names
 * (`sm_clock_frequency`, `memory_clock_frequency`) that every AIPerf telemetry reader already accepts.
 */
export const DCGM_FIELDS: readonly DcgmFieldSpec[] = [
  { dcgmName: 'DCGM_FI_DEV_POWER_USAGE', field: 'gpu_power_usage', displayName: 'GPU Power Usage', unit: 'W', scale: 1, kind: 'gauge' },
  // Exporter reports mJ; MJ = mJ × 1e-9.
  { dcgmName: 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', field: 'energy_consumption', displayName: 'Energy Consumption', unit: 'MJ', scale: 1e-9, kind: 'counter' },
  { dcgmName: 'DCGM_FI_DEV_GPU_UTIL', field: 'gpu_utilization', displayName: 'GPU Utilization', unit: '%', scale: 1, kind: 'gauge' },
  // Exporter reports MiB; GB = MiB × 1.048576e-3.
  { dcgmName: 'DCGM_FI_DEV_FB_USED', field: 'gpu_memory_used', displayName: 'GPU Memory Used', unit: 'GB', scale: 1.048576e-3, kind: 'gauge' },
  { dcgmName: 'DCGM_FI_DEV_GPU_TEMP', field: 'gpu_temperature', displayName: 'GPU Temperature', unit: '°C', scale: 1, kind: 'gauge' },
  { dcgmName: 'DCGM_FI_DEV_MEM_COPY_UTIL', field: 'mem_utilization', displayName: 'Memory Utilization', unit: '%', scale: 1, kind: 'gauge' },
  // Profiling metric is a 0..1 ratio.
  { dcgmName: 'DCGM_FI_PROF_SM_ACTIVE', field: 'sm_utilization', displayName: 'SM Utilization', unit: '%', scale: 100, kind: 'gauge' },
  { dcgmName: 'DCGM_FI_DEV_DEC_UTIL', field: 'decoder_utilization', displayName: 'Decoder Utilization', unit: '%', scale: 1, kind: 'gauge' },
  { dcgmName: 'DCGM_FI_DEV_ENC_UTIL', field: 'encoder_utilization', displayName: 'Encoder Utilization', unit: '%', scale: 1, kind: 'gauge' },
  { dcgmName: 'DCGM_FI_DEV_XID_ERRORS', field: 'xid_errors', displayName: 'XID Errors', unit: 'count', scale: 1, kind: 'counter' },
  { dcgmName: 'DCGM_FI_DEV_POWER_VIOLATION', field: 'power_violation', displayName: 'Power Violation', unit: 'µs', scale: 1, kind: 'counter' },
  { dcgmName: 'DCGM_FI_DEV_SM_CLOCK', field: 'sm_clock_frequency', displayName: 'SM Clock Frequency', unit: 'MHz', scale: 1, kind: 'gauge' },
  { dcgmName: 'DCGM_FI_DEV_MEM_CLOCK', field: 'memory_clock_frequency', displayName: 'Memory Clock Frequency', unit: 'MHz', scale: 1, kind: 'gauge' },
];

const BY_DCGM_NAME = new Map(DCGM_FIELDS.map((spec) => [spec.dcgmName, spec]));

/** Looks up a Prometheus metric name; a trailing `_total` (counter naming) is ignored. */
export function dcgmFieldFor(metricName: string): DcgmFieldSpec | undefined {
  return BY_DCGM_NAME.get(metricName.replace(/_total$/, ''));
}
