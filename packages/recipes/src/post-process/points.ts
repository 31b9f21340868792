type Row = { parameters: Record<string, number>; metrics: Record<string, Record<string, unknown>> };

const leaf = (path: string) => path.split('.').at(-1) ?? path;

/** (swept value, metric value) per row, sorted by the swept value; rows missing either are skipped. */
export function extractPoints(aggregate: Record<string, unknown>, sweptParam: string, tag: string, stat: string): { x: number; y: number }[] {
  const rows = (aggregate.per_combination_metrics ?? []) as Row[];
  const points: { x: number; y: number }[] = [];
  for (const row of rows) {
    const x = row.parameters[sweptParam] ?? row.parameters[leaf(sweptParam)];
    // Multi-trial cells hold `<tag>_<stat>` confidence stats; single-trial cells the run's own `<tag>` block.
    const y = row.metrics[`${tag}_${stat}`]?.mean ?? row.metrics[tag]?.[stat];
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(y)) points.push({ x, y });
  }
  if (points.length === 0) throw new Error(`no sweep cell has both '${sweptParam}' and ${tag} ${stat}`);
  return points.sort((a, b) => a.x - b.x);
}

export { leaf as leafName };
