import type { GpuIdentity, GpuSample } from './faker.js';
import { MOCK_DCGM_FIELDS } from './fields.js';

/** Escapes a label value for the Prometheus text format. */
function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelsOf(gpu: GpuIdentity): string {
  return (
    `gpu="${gpu.index}",UUID="${escapeLabel(gpu.uuid)}",pci_bus_id="${gpu.pciBusId}",` +
    `device="${gpu.device}",modelName="${escapeLabel(gpu.modelName)}",Hostname="${escapeLabel(gpu.hostname)}"`
  );
}

/** Renders samples in the Prometheus text exposition format (version 0.0.4), like dcgm-exporter. */
export function renderDcgmMetrics(samples: GpuSample[]): string {
  const labels = samples.map((sample) => labelsOf(sample.gpu));
  const lines: string[] = [];
  for (const field of MOCK_DCGM_FIELDS) {
    lines.push(`# HELP ${field.name} ${field.help}`, `# TYPE ${field.name} ${field.type}`);
    samples.forEach((sample, index) => {
      const value = sample.values[field.name];
      const text = field.integer ? Math.round(value).toString() : value.toString();
      lines.push(`${field.name}{${labels[index]}} ${text}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
