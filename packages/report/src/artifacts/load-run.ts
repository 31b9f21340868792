import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReportInputError } from '../errors.js';
import { confidenceMetrics, summaryMetrics } from './metrics.js';
import type { LoadedRun, RunCell } from './types.js';

const SUMMARY = 'profile_export_aiperf.json';
const AGGREGATE = 'profile_export_aiperf_aggregate.json';
const SWEEP = 'profile_export_aiperf_sweep.json';

// Where each kind keeps its numbers, relative to the directory the user names. A multi-trial sweep also has
// aggregate/<cell>/, so the sweep files are looked for before the multi-run aggregate.
const LAYOUT = [
  SUMMARY,
  join('sweep_aggregate', SWEEP),
  join('aggregate', 'sweep_aggregate', SWEEP),
  SWEEP,
  join('aggregate', AGGREGATE),
  AGGREGATE,
];

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

function resultFileIn(dir: string): string | null {
  for (const relative of LAYOUT) if (isFile(join(dir, relative))) return join(dir, relative);
  return null;
}

/** The results file for `path`: the file itself, one in the directory, or one in its only run subdirectory. */
export function findResultFile(path: string): string {
  const absolute = resolve(path);
  if (isFile(absolute)) return absolute;
  let entries: string[];
  try {
    entries = readdirSync(absolute, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    throw new ReportInputError(`${path}: no such directory or file; give a run's artifact directory`);
  }
  const own = resultFileIn(absolute);
  if (own) return own;
  const children = entries.map((name) => resultFileIn(join(absolute, name))).filter((f): f is string => f !== null);
  if (children.length === 1) return children[0]!;
  if (children.length === 0) {
    throw new ReportInputError(`${path}: holds no aiperf results (${SUMMARY}, aggregate/${AGGREGATE} or sweep_aggregate/${SWEEP})`);
  }
  throw new ReportInputError(`${path}: holds ${children.length} runs (${entries.join(', ')}); name one of them`);
}

function readJson(file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch (error) {
    throw new ReportInputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  throw new ReportInputError(`${file}: expected a JSON object`);
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Reads a run, a multi-run or a sweep from its directory (or results file) into comparable metric tables. */
export function loadRun(path: string): LoadedRun {
  const source = findResultFile(path);
  const json = readJson(source);
  const metadata = record(json.metadata);
  const level = typeof metadata.confidence_level === 'number' ? metadata.confidence_level : null;
  if (metadata.aggregation_type === 'confidence') {
    const runCount = typeof metadata.num_successful_runs === 'number' ? metadata.num_successful_runs : 0;
    const metrics = confidenceMetrics(record(json.metrics));
    // One successful run has a zero-width interval: it says nothing about noise.
    if (runCount < 2) for (const value of metrics.values()) delete value.ci;
    return { kind: 'multi', source, runCount, confidenceLevel: level, cells: [{ parameters: null, metrics }] };
  }
  if (metadata.aggregation_type === 'sweep') {
    const trials = typeof metadata.num_trials_per_value === 'number' ? metadata.num_trials_per_value : 1;
    const rows = Array.isArray(json.per_combination_metrics) ? json.per_combination_metrics : [];
    const cells: RunCell[] = rows.map((row) => {
      const { parameters, metrics } = record(row);
      return {
        parameters: record(parameters) as Record<string, number | string>,
        metrics: trials > 1 ? confidenceMetrics(record(metrics)) : summaryMetrics(record(metrics)),
      };
    });
    return { kind: 'sweep', source, runCount: trials, confidenceLevel: level, cells };
  }
  return { kind: 'single', source, runCount: 1, confidenceLevel: null, cells: [{ parameters: null, metrics: summaryMetrics(json) }] };
}
