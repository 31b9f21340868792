import type { LoadedRun, MetricValue, RunCell } from '../artifacts/types.js';
import { ReportInputError } from '../errors.js';
import { suggestMetric } from './suggest.js';
import { type FailRule, ruleTrips } from './rules.js';

/** Whether two multi-run means differ beyond noise: their confidence intervals do not overlap. */
export type Significance = 'significant' | 'within-noise';

export interface ComparedMetric {
  metric: string;
  unit: string | null;
  base: MetricValue | null;
  next: MetricValue | null;
  delta: number | null;
  /** `null` when BASE is 0 or either side is missing. */
  deltaPercent: number | null;
  /** Only when both sides carry a confidence interval. */
  significance: Significance | null;
  /** Rules this metric broke. */
  tripped: FailRule[];
}

export interface ComparedCell {
  parameters: RunCell['parameters'];
  metrics: ComparedMetric[];
}

export interface Comparison {
  base: LoadedRun;
  next: LoadedRun;
  cells: ComparedCell[];
  /** Sweep cells present on one side only (not compared). */
  unmatched: { side: 'BASE' | 'NEW'; parameters: RunCell['parameters'] }[];
  /** One line per broken rule (per sweep cell). Empty: the comparison passes. */
  failures: string[];
}

export interface CompareOptions {
  rules: readonly FailRule[];
  /** Statistics shown per metric besides those the rules name; default avg, p50, p99. */
  stats?: readonly string[];
}

const describeKind = (run: LoadedRun): string =>
  run.kind === 'single' ? 'a single run' : run.kind === 'multi' ? `a multi-run (${run.runCount} runs)` : `a sweep (${run.cells.length} cells)`;

export const cellLabel = (parameters: RunCell['parameters']): string =>
  parameters === null ? '' : Object.entries(parameters).map(([k, v]) => `${k}=${v}`).join(', ');

function compareValue(metric: string, base: MetricValue | null, next: MetricValue | null, rules: readonly FailRule[]): ComparedMetric {
  const both = base !== null && next !== null;
  const delta = both ? next.value - base.value : null;
  const significance: Significance | null =
    both && base.ci && next.ci ? (base.ci.high < next.ci.low || next.ci.high < base.ci.low ? 'significant' : 'within-noise') : null;
  // A rule on a metric NEW lost (or never had) cannot be shown to pass: it fails.
  const tripped = rules.filter((r) => r.metric === metric && (!both || ruleTrips(r, base.value, next.value)));
  return {
    metric,
    unit: base?.unit ?? next?.unit ?? null,
    base,
    next,
    delta,
    deltaPercent: both && base.value !== 0 ? ((next.value - base.value) / Math.abs(base.value)) * 100 : null,
    significance,
    tripped,
  };
}

function compareCell(base: RunCell, next: RunCell, options: CompareOptions): ComparedCell {
  const stats = new Set(options.stats ?? ['avg', 'p50', 'p99']);
  const wanted = new Set(options.rules.map((r) => r.metric));
  const names = [...new Set([...base.metrics.keys(), ...next.metrics.keys()])];
  const shown = names.filter((name) => wanted.has(name) || stats.has(name.slice(name.lastIndexOf('.') + 1)));
  for (const metric of wanted) if (!shown.includes(metric)) shown.push(metric);
  return {
    parameters: base.parameters,
    metrics: shown.map((m) => compareValue(m, base.metrics.get(m) ?? null, next.metrics.get(m) ?? null, options.rules)),
  };
}

const cellKey = (cell: RunCell) => JSON.stringify(Object.entries(cell.parameters ?? {}).sort(([a], [b]) => a.localeCompare(b)));

/** Compares NEW against BASE cell by cell (pure). Throws `ReportInputError` when they cannot be compared. */
export function compareRuns(base: LoadedRun, next: LoadedRun, options: CompareOptions): Comparison {
  if (base.kind !== next.kind) {
    throw new ReportInputError(
      `cannot compare ${describeKind(base)} (BASE ${base.source}) with ${describeKind(next)} (NEW ${next.source}); compare runs of the same kind`,
    );
  }
  const known = new Set([...base.cells, ...next.cells].flatMap((cell) => [...cell.metrics.keys()]));
  const unknown = options.rules.filter((r) => !known.has(r.metric));
  if (unknown.length > 0) {
    throw new ReportInputError(
      unknown.map((r) => `--fail-on: "${r.text}": no metric ${r.metric} in either run${suggestMetric(r.metric, [...known])}`).join('\n'),
    );
  }
  const nextByKey = new Map(next.cells.map((cell) => [cellKey(cell), cell]));
  const baseKeys = new Set(base.cells.map(cellKey));
  const cells = base.cells.filter((c) => nextByKey.has(cellKey(c))).map((c) => compareCell(c, nextByKey.get(cellKey(c))!, options));
  if (cells.length === 0) {
    throw new ReportInputError(`BASE and NEW share no sweep cell (BASE: ${base.cells.map((c) => cellLabel(c.parameters)).join('; ')}; NEW: ${next.cells.map((c) => cellLabel(c.parameters)).join('; ')})`);
  }
  const unmatched = [
    ...base.cells.filter((c) => !nextByKey.has(cellKey(c))).map((c) => ({ side: 'BASE' as const, parameters: c.parameters })),
    ...next.cells.filter((c) => !baseKeys.has(cellKey(c))).map((c) => ({ side: 'NEW' as const, parameters: c.parameters })),
  ];
  const failures = cells.flatMap((cell) =>
    cell.metrics.flatMap((m) => m.tripped.map((rule) => failureLine(rule, m, cell.parameters))),
  );
  return { base, next, cells, unmatched, failures };
}

function failureLine(rule: FailRule, m: ComparedMetric, parameters: RunCell['parameters']): string {
  const where = parameters === null ? '' : ` [${cellLabel(parameters)}]`;
  if (m.base === null || m.next === null) return `${rule.text}${where}: ${m.metric} is missing in ${m.base === null ? 'BASE' : 'NEW'}`;
  const change = m.deltaPercent === null ? `${fmt(m.delta!)}` : `${fmt(m.delta!)} (${m.deltaPercent >= 0 ? '+' : ''}${m.deltaPercent.toFixed(1)}%)`;
  return `${rule.text}${where}: ${m.metric} went from ${fmt(m.base.value)} to ${fmt(m.next.value)}${m.unit ? ` ${m.unit}` : ''}, a change of ${change}`;
}

const fmt = (v: number) => Number(v.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 4 });
