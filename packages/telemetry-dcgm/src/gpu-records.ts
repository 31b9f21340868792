// One scrape's Prometheus samples → one record per GPU. Pure.
import { dcgmFieldFor } from './dcgm-fields.js';
import type { PromSample } from './prometheus-text.js';

export interface GpuTelemetryRecord {
  /** The run's clock at parse time (epoch ns). */
  timestampNs: bigint;
  /** Full scrape URL. */
  dcgmUrl: string;
  gpuIndex: number;
  gpuUuid: string | null;
  gpuModelName: string | null;
  pciBusId: string | null;
  device: string | null;
  hostname: string | null;
  namespace: string | null;
  podName: string | null;
  /** Record field → value already scaled to the field's unit. */
  telemetryData: Record<string, number>;
}

/** Prometheus label(s) each identity field is read from; the first present, non-empty one wins. */
const IDENTITY_LABELS = {
  gpuUuid: ['UUID', 'uuid'],
  gpuModelName: ['modelName', 'model_name'],
  pciBusId: ['pci_bus_id'],
  device: ['device'],
  hostname: ['Hostname', 'hostname'],
  namespace: ['namespace'],
  podName: ['pod'],
} as const;

type IdentityKey = keyof typeof IDENTITY_LABELS;

/**
 * Groups recognized DCGM samples by their integer `gpu` label. Samples with NaN/±Inf values, without an
 * integer `gpu` label, or for fields aiperf does not track are skipped. GPUs appear in first-seen order.
 */
export function samplesToGpuRecords(samples: readonly PromSample[], dcgmUrl: string, timestampNs: bigint): GpuTelemetryRecord[] {
  const byIndex = new Map<number, GpuTelemetryRecord>();
  for (const sample of samples) {
    const spec = dcgmFieldFor(sample.name);
    if (!spec || !Number.isFinite(sample.value)) continue;
    const gpuIndex = parseGpuIndex(sample.labels.gpu);
    if (gpuIndex === undefined) continue;
    let record = byIndex.get(gpuIndex);
    if (!record) {
      record = emptyRecord(timestampNs, dcgmUrl, gpuIndex);
      byIndex.set(gpuIndex, record);
    }
    fillIdentity(record, sample.labels);
    // MIG exporters repeat a field per GPU instance; the first line for the GPU is kept.
    if (!(spec.field in record.telemetryData)) record.telemetryData[spec.field] = sample.value * spec.scale;
  }
  return [...byIndex.values()];
}

function parseGpuIndex(label: string | undefined): number | undefined {
  if (label === undefined || !/^\d+$/.test(label.trim())) return undefined;
  return Number(label.trim());
}

function emptyRecord(timestampNs: bigint, dcgmUrl: string, gpuIndex: number): GpuTelemetryRecord {
  return {
    timestampNs, dcgmUrl, gpuIndex,
    gpuUuid: null, gpuModelName: null, pciBusId: null, device: null, hostname: null, namespace: null, podName: null,
    telemetryData: {},
  };
}

function fillIdentity(record: GpuTelemetryRecord, labels: Record<string, string>): void {
  for (const key of Object.keys(IDENTITY_LABELS) as IdentityKey[]) {
    if (record[key] !== null) continue;
    for (const labelName of IDENTITY_LABELS[key]) {
      const value = labels[labelName];
      if (value !== undefined && value !== '') {
        record[key] = value;
        break;
      }
    }
  }
}
