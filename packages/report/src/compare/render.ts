import { formatConsoleNumber, renderBoxTable } from '@aiperf/loadgen';
import type { MetricValue } from '../artifacts/types.js';
import { type ComparedMetric, type Comparison, cellLabel } from './compare.js';

const SIGNIFICANCE_NOTE = { significant: 'significant', 'within-noise': 'within noise' } as const;

/** `12.30` for a run, `12.30 ± 0.41` for a multi-run mean (half the confidence interval's width). */
function valueText(value: MetricValue | null): string {
  if (value === null) return 'missing';
  if (!value.ci) return formatConsoleNumber(value.value);
  return `${formatConsoleNumber(value.value)} ± ${formatConsoleNumber((value.ci.high - value.ci.low) / 2)}`;
}

function signed(value: number | null, suffix = ''): string {
  if (value === null) return 'N/A';
  return `${value > 0 ? '+' : ''}${formatConsoleNumber(value)}${suffix}`;
}

function row(m: ComparedMetric): string[] {
  const notes = [m.significance ? SIGNIFICANCE_NOTE[m.significance] : '', ...m.tripped.map((r) => `FAIL ${r.text}`)].filter(Boolean);
  return [
    m.unit ? `${m.metric} (${m.unit})` : m.metric,
    valueText(m.base),
    valueText(m.next),
    signed(m.delta),
    signed(m.deltaPercent, '%'),
    notes.join('; '),
  ];
}

/** The console text of `aiperf compare`: one table per compared cell, the sources, unmatched cells and the verdict. */
export function renderComparison(comparison: Comparison, ruleCount: number): string {
  const { base, next } = comparison;
  const parts: string[] = [];
  for (const cell of comparison.cells) {
    const where = cell.parameters === null ? '' : ` | ${cellLabel(cell.parameters)}`;
    const rows = cell.metrics.map(row);
    parts.push(renderBoxTable(`NVIDIA AIPerf | Compare${where}`, ['Metric', 'BASE', 'NEW', 'Δ', 'Δ %', 'Note'], rows, ['right', 'right', 'right', 'right', 'right', 'left']));
  }
  const footer = [`BASE: ${base.source}`, `NEW: ${next.source}`];
  if (base.confidenceLevel !== null && base.runCount > 1) {
    footer.push(
      `± is half the ${Math.round(base.confidenceLevel * 100)}% confidence interval; "significant" means the BASE and NEW intervals do not overlap`,
    );
  }
  for (const { side, parameters } of comparison.unmatched) footer.push(`Only in ${side}, not compared: ${cellLabel(parameters)}`);
  if (comparison.failures.length > 0) {
    footer.push(`FAILED: ${comparison.failures.length} regression rule ${comparison.failures.length === 1 ? 'check' : 'checks'} tripped:`);
    footer.push(...comparison.failures.map((line) => `  ${line}`));
  } else if (ruleCount > 0) {
    footer.push(`PASSED: ${ruleCount} regression ${ruleCount === 1 ? 'rule' : 'rules'} held`);
  }
  parts.push(footer.join('\n'));
  return `${parts.join('\n')}\n`;
}
