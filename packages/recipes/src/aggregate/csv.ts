/** RFC 4180 field quoting. */
export function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' && !Number.isFinite(value) ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (values: readonly unknown[]): string => values.map(csvField).join(',');

/** `profile_export_aiperf_aggregate.csv`: one row per metric key with its confidence stats. */
export function confidenceAggregateCsv(metrics: Record<string, Record<string, unknown>>): string {
  const columns = ['mean', 'std', 'min', 'max', 'cv', 'se', 'ci_low', 'ci_high', 't_critical', 'unit'];
  const lines = [csvRow(['metric', ...columns])];
  for (const [key, stats] of Object.entries(metrics)) lines.push(csvRow([key, ...columns.map((c) => stats[c])]));
  return `${lines.join('\n')}\n`;
}

/** `profile_export_aiperf_sweep.csv`: wide table, then "Best Configurations", "Pareto Optimal Points", "Metadata". */
export function sweepAggregateCsv(aggregate: Record<string, unknown>): string {
  const rows = aggregate.per_combination_metrics as { variant?: string; parameters: Record<string, number>; metrics: Record<string, Record<string, unknown>> }[];
  // Named variants lead each row and best configuration with their name.
  const named = rows.some((r) => r.variant !== undefined);
  const lead = named ? ['variant'] : [];
  const nameOf = (holder: { variant?: string }) => (named ? [holder.variant] : []);
  const paramNames = [...new Set(rows.flatMap((r) => Object.keys(r.parameters)))];
  const metricKeys = [...new Set(rows.flatMap((r) => Object.keys(r.metrics)))];
  const stats = ['mean', 'std', 'min', 'max', 'cv'];
  const sections: string[][] = [];
  sections.push([
    csvRow([...lead, ...paramNames, ...metricKeys.flatMap((k) => stats.map((s) => `${k}_${s}`))]),
    ...rows.map((r) => csvRow([...nameOf(r), ...paramNames.map((p) => r.parameters[p]), ...metricKeys.flatMap((k) => stats.map((s) => r.metrics[k]?.[s]))])),
  ]);
  const best = aggregate.best_configurations as Record<string, { variant?: string; parameters: Record<string, number>; metric: number; unit: unknown } | null>;
  sections.push([
    'Best Configurations',
    csvRow(['configuration', ...lead, ...paramNames, 'metric', 'unit']),
    ...Object.entries(best).filter(([, b]) => b).map(([name, b]) => csvRow([name, ...nameOf(b!), ...paramNames.map((p) => b!.parameters[p]), b!.metric, b!.unit])),
  ]);
  const pareto = aggregate.pareto_optimal as Record<string, number>[];
  sections.push(['Pareto Optimal Points', csvRow(paramNames), ...pareto.map((p) => csvRow(paramNames.map((n) => p[n])))]);
  const meta = aggregate.metadata as Record<string, unknown>;
  sections.push([
    'Metadata',
    ...['aggregation_type', 'num_combinations', 'sweep_mode', 'confidence_level', 'num_trials_per_value'].map((k) => csvRow([k, meta[k]])),
  ]);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}
