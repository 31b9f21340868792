import type { SweepVariation } from '../plan/variations.js';
import { aggregateSummaries, confidenceStatsJson, type SummaryMetrics } from './confidence.js';

export const CONFIDENCE_AGGREGATE_BASENAME = 'profile_export_aiperf_aggregate';
export const SWEEP_AGGREGATE_BASENAME = 'profile_export_aiperf_sweep';
/** Written into each sweep cell's directory: what the cell varied, so plots label it without knowing the sweep. */
export const SWEEP_CELL_FILENAME = 'sweep_cell.json';

/** A variation as recorded with its runs: its label and values, and the variant's name when it is one. */
export function sweepCellMetadata(variation: SweepVariation): Record<string, unknown> {
  return { variation_label: variation.label, variation_values: variation.values, ...(variation.variant === undefined ? {} : { variant: variation.variant }) };
}

export interface ConfidenceAggregateInput {
  summaries: SummaryMetrics[];
  confidenceLevel: number;
  numProfileRuns: number;
  runLabels: string[];
  failedRuns: { label: string; error: string }[];
  cooldownSeconds: number;
  variation?: SweepVariation & { sweepMode: string };
  aiperfVersion: string;
}

/** The confidence aggregate object (profile_export_aiperf_aggregate.json) (pure). */
export function buildConfidenceAggregate(input: ConfidenceAggregateInput): Record<string, unknown> {
  const metrics: Record<string, Record<string, unknown>> = {};
  for (const [key, stats] of aggregateSummaries(input.summaries, input.confidenceLevel)) metrics[key] = confidenceStatsJson(stats);
  return {
    schema_version: '1.0',
    aiperf_version: input.aiperfVersion,
    metadata: {
      aggregation_type: 'confidence',
      num_profile_runs: input.numProfileRuns,
      num_successful_runs: input.summaries.length,
      failed_runs: input.failedRuns,
      confidence_level: input.confidenceLevel,
      run_labels: input.runLabels,
      cooldown_seconds: input.cooldownSeconds,
      ...(input.summaries.length === 1 ? { single_run: true } : {}),
      ...(input.variation
        ? { ...sweepCellMetadata(input.variation), sweep_mode: input.variation.sweepMode }
        : {}),
    },
    metrics,
  };
}
