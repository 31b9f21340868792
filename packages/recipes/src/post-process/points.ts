/** One `per_combination_metrics` entry of a sweep aggregate. */
export type SweepRow = { parameters: Record<string, number>; metrics: Record<string, Record<string, unknown>> };

const leaf = (path: string) => path.split('.').at(-1) ?? path;

/** A swept parameter's value, keyed by its full path or by its last segment. */
export const sweptValue = (row: SweepRow, param: string): number | undefined => row.parameters[param] ?? row.parameters[leaf(param)];

/** Multi-trial cells hold `<tag>_<stat>` confidence stats; single-trial cells the run's own `<tag>` block. */
export const cellMetric = (row: SweepRow, tag: string, stat: string): unknown => row.metrics[`${tag}_${stat}`]?.mean ?? row.metrics[tag]?.[stat];

/** (swept value, metric value) per row, sorted by the swept value; rows missing either are skipped. */
export function extractPoints(aggregate: Record<string, unknown>, sweptParam: string, tag: string, stat: string): { x: number; y: number }[] {
  const rows = (aggregate.per_combination_metrics ?? []) as SweepRow[];
  const points: { x: number; y: number }[] = [];
  for (const row of rows) {
    const x = sweptValue(row, sweptParam);
    const y = cellMetric(row, tag, stat);
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(y)) points.push({ x, y });
  }
  if (points.length === 0) throw new Error(`no sweep cell has both '${sweptParam}' and ${tag} ${stat}`);
  return points.sort((a, b) => a.x - b.x);
}

export { leaf as leafName };
