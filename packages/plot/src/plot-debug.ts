import type { ChartSpec } from './specs/types.js';
import type { RunData } from './types.js';

// One-line descriptions for `--verbose` DEBUG lines: what was read from a run and what a plot holds.

const range = (spec: ChartSpec['x'], values: number[]): string => {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return values.length === 0 ? `${spec.label}: no data` : `${spec.label}: ${+min.toPrecision(6)} to ${+max.toPrecision(6)}`;
};

export function describeRun(run: RunData): string {
  const parts = [
    `${run.runName}: ${Object.keys(run.metrics).length} summary metrics`,
    run.requests ? `${run.requests.count} requests (${Object.keys(run.requests.columns).length} per-request columns)` : 'no per-request data',
    run.timeslices ? `${run.timeslices.length} timeslice rows` : 'no timeslices',
    run.gpu ? `${run.gpu.length} GPU samples` : 'no GPU telemetry',
  ];
  return `${parts.join(', ')} (${run.dir})`;
}

export function describeSpec(spec: ChartSpec): string {
  const points = spec.series.reduce((sum, series) => sum + series.x.length, 0);
  const xs = spec.series.flatMap((series) => series.x);
  const ys = spec.series.flatMap((series) => series.y.filter((y): y is number => typeof y === 'number'));
  const labels = spec.series.flatMap((series) => series.pointLabels ?? []).filter((label) => label !== '');
  const labelled = labels.length > 0 ? `; point labels: ${labels.join(' | ')}` : '';
  return `${spec.name}: ${spec.series.length} series, ${points} points; ${range(spec.x, xs)}; ${range(spec.y, ys)}${labelled}`;
}
