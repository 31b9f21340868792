import { recordMetrics } from './record-metrics.js';
import { costMetrics } from './cost-metrics.js';
import { runMetrics } from './run-metrics.js';
import type { MetricDefinition } from './types.js';
import { usageDiscrepancyCount, usageRecordMetrics } from './usage-metrics.js';
import { deliveryMetrics, suspectRequestCount } from './delivery-metrics.js';

/**
 * The one registry of metrics, in computation order (record metrics, then aggregates, then derived ones that
 * read earlier values). Registering the same object twice is harmless; a different object under a taken tag is
 * an error.
 */
export class MetricRegistry {
  private readonly byTag = new Map<string, MetricDefinition>();

  register(metric: MetricDefinition): void {
    const existing = this.byTag.get(metric.tag);
    if (existing === metric) return;
    if (existing) throw new Error(`metric "${metric.tag}" is already registered by a different definition`);
    this.byTag.set(metric.tag, metric);
    this.ordered = null;
  }

  get(tag: string): MetricDefinition | undefined {
    return this.byTag.get(tag);
  }

  /** Every metric in registration order (a shared array, rebuilt only when one is registered: read, never modify). */
  all(): readonly MetricDefinition[] {
    return (this.ordered ??= [...this.byTag.values()]);
  }

  private ordered: MetricDefinition[] | null = null;
}

export const metricRegistry = new MetricRegistry();
for (const metric of [...recordMetrics, ...usageRecordMetrics, ...deliveryMetrics, ...runMetrics, usageDiscrepancyCount, suspectRequestCount, ...costMetrics]) metricRegistry.register(metric);
