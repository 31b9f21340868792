import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SweepVariation } from '../plan/variations.js';
import { aggregateSummaries, confidenceStatsJson, type SummaryMetrics } from './confidence.js';
import { confidenceAggregateCsv, sweepAggregateCsv } from './csv.js';

export const CONFIDENCE_AGGREGATE_BASENAME = 'profile_export_aiperf_aggregate';
export const SWEEP_AGGREGATE_BASENAME = 'profile_export_aiperf_sweep';

export interface ConfidenceAggregateInput {
  dir: string;
  summaries: SummaryMetrics[];
  confidenceLevel: number;
  numProfileRuns: number;
  runLabels: string[];
  failedRuns: { label: string; error: string }[];
  cooldownSeconds: number;
  variation?: SweepVariation & { sweepMode: string };
  aiperfVersion: string;
}

/** The confidence aggregate object of profile.md §3.9 (pure). */
export function buildConfidenceAggregate(input: Omit<ConfidenceAggregateInput, 'dir'>): Record<string, unknown> {
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
        ? { variation_label: input.variation.label, variation_values: input.variation.values, sweep_mode: input.variation.sweepMode }
        : {}),
    },
    metrics,
  };
}

export async function writeConfidenceAggregate(input: ConfidenceAggregateInput): Promise<string> {
  const aggregate = buildConfidenceAggregate(input);
  await mkdir(input.dir, { recursive: true });
  const jsonPath = join(input.dir, `${CONFIDENCE_AGGREGATE_BASENAME}.json`);
  await writeFile(jsonPath, `${JSON.stringify(aggregate, null, 2)}\n`);
  await writeFile(join(input.dir, `${CONFIDENCE_AGGREGATE_BASENAME}.csv`), confidenceAggregateCsv(aggregate.metrics as Record<string, Record<string, unknown>>));
  return jsonPath;
}

export async function writeSweepAggregate(dir: string, aggregate: Record<string, unknown>): Promise<string> {
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, `${SWEEP_AGGREGATE_BASENAME}.json`);
  await writeFile(jsonPath, `${JSON.stringify(aggregate, null, 2)}\n`);
  await writeFile(join(dir, `${SWEEP_AGGREGATE_BASENAME}.csv`), sweepAggregateCsv(aggregate));
  return jsonPath;
}
