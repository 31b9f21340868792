import type { MetricResult } from '../metrics/compute.js';
import { PERCENTILES } from '@aiperf/stats';
import { formatMoney, isMoneyUnit } from '../metrics/cost-metrics.js';
import { exportedResults } from './summary-json.js';

const DISTRIBUTION_COLUMNS = ['avg', 'min', 'max', ...PERCENTILES.map((q) => `p${q}` as const), 'std'] as const;

/** CSV metric label: `<header> (<unit>)`, except count-like units which get no suffix (`Request Count`). */
export function csvMetricName(result: Pick<MetricResult, 'header' | 'unit'>): string {
  return result.unit === 'requests' || result.unit === 'count' ? result.header : `${result.header} (${result.unit})`;
}

/** Floats print with exactly 2 decimals; genuine integers (bigint timestamps) print bare; missing is empty. */
export function csvNumber(value: number | bigint | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'bigint') return value.toString();
  return Number.isFinite(value) ? value.toFixed(2) : '';
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `profile_export_aiperf.csv`: distributions, a blank line, scalars; extra sections after two blank lines. */
export function buildSummaryCsv(results: readonly MetricResult[], extraSections: readonly string[] = []): string {
  const exported = exportedResults(results);
  const byTag = (a: MetricResult, b: MetricResult) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
  const distributions = exported.filter((r) => r.stats).sort(byTag);
  const scalars = exported.filter((r) => !r.stats).sort(byTag);
  const lines: string[] = [];
  if (distributions.length > 0) {
    lines.push(['Metric', ...DISTRIBUTION_COLUMNS].join(','));
    for (const r of distributions) {
      lines.push([csvCell(csvMetricName(r)), ...DISTRIBUTION_COLUMNS.map((c) => csvNumber(r.stats![c]))].join(','));
    }
    lines.push('');
  }
  lines.push('Metric,Value');
  for (const r of scalars) lines.push(`${csvCell(csvMetricName(r))},${isMoneyUnit(r.unit) && typeof r.avg === 'number' ? formatMoney(r.avg).replaceAll(',', '') : csvNumber(r.avg)}`);
  let text = `${lines.join('\n')}\n`;
  for (const section of extraSections) text += `\n\n${section.trimEnd()}\n`;
  return text;
}
