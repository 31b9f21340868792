import { createRegistry, type Registry } from '@aiperf/plugin';
import { deliveryMetrics, suspectRequestCount } from './delivery-metrics.js';
import { recordMetrics } from './record-metrics.js';
import { costMetrics } from './cost-metrics.js';
import { runMetrics } from './run-metrics.js';
import type { MetricContext, MetricDefinition } from './types.js';
import { usageDiscrepancyCount, usageRecordMetrics } from './usage-metrics.js';

/**
 * Metrics in computation order (record metrics, then aggregates, then derived ones that read earlier values),
 * keyed by their `tag`: the one registry shape of `@aiperf/plugin`, with the tag as the name.
 */
export type MetricRegistry = Registry<MetricDefinition>;

export const builtinMetrics: readonly MetricDefinition[] = [
  ...recordMetrics, ...usageRecordMetrics, ...deliveryMetrics, ...runMetrics, usageDiscrepancyCount, suspectRequestCount, ...costMetrics,
];

const KINDS = ['record', 'aggregate', 'derived'];

/** A fresh registry holding `metrics` (the built-ins by default); plugins add theirs to it. */
export function createMetricRegistry(metrics: readonly MetricDefinition[] = builtinMetrics): MetricRegistry {
  return createRegistry<MetricDefinition>('metric', metrics, {
    key: (m) => m.tag,
    validate: (m) => [
      ...(typeof m.compute === 'function' ? [] : ['needs a compute() function']),
      ...(KINDS.includes(m.kind) ? [] : [`kind must be record, aggregate or derived, got ${JSON.stringify(m.kind)}`]),
      ...(Array.isArray(m.flags) ? [] : ['needs a flags array']),
    ],
  });
}

// Read-only fallback for contexts that carry no registry (tests, tools): nothing can register into it.
const builtins = createMetricRegistry();

/** The metrics of the run the context belongs to. */
export const metricsOf = (context?: MetricContext): MetricRegistry => context?.metrics ?? builtins;
