import { studentTInterval } from '@aiperf/stats';
import { NVIDIA_GREEN, withAlpha } from '../../theme.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';
import { multiRunAxes } from './axes.js';
import type { MultiRunRow } from './table.js';

const ELLIPSE_VERTICES = 64;

/** Mean x/y and Student-t half-widths of the runs sharing one concurrency (one operating point). */
function operatingPoint(rows: MultiRunRow[], xColumn: string, yColumn: string, ciLevel: number) {
  const xs = rows.map((row) => row[xColumn] as number);
  const ys = rows.map((row) => row[yColumn] as number);
  const x = studentTInterval(xs, ciLevel);
  const y = studentTInterval(ys, ciLevel);
  return { n: rows.length, x: x.mean, y: y.mean, xHalf: x.halfWidth, yHalf: y.halfWidth };
}

const ellipse = (cx: number, cy: number, rx: number, ry: number): { x: number[]; y: number[] } => {
  const angles = Array.from({ length: ELLIPSE_VERTICES + 1 }, (_, i) => (2 * Math.PI * i) / ELLIPSE_VERTICES);
  return { x: angles.map((a) => cx + rx * Math.cos(a)), y: angles.map((a) => cy + ry * Math.sin(a)) };
};

export const uncertaintyPlot: PlotTypeDefinition = {
  name: 'latency_throughput_uncertainty',
  describe: () => 'Mean latency/throughput per concurrency with confidence-interval bars and ellipses over trials.',
  buildMultiRun(context): SpecResult {
    const axes = multiRunAxes(context, () => 'Latency vs Throughput (Joint Uncertainty)');
    if ('skip' in axes) return axes;
    const { xColumn, yColumn, spec } = axes;
    const ciLevel = [0.9, 0.95, 0.99].includes(context.preset.ci_level ?? 0) ? context.preset.ci_level! : 0.95;
    const column = context.preset.groups?.[0];
    const rows = context.table.rows.filter((row) => Number.isFinite(row[xColumn] as number) && Number.isFinite(row[yColumn] as number));
    const byValue = new Map<string, MultiRunRow[]>();
    for (const row of rows) {
      const key = column && column !== 'concurrency' ? `${column} = ${String(row[column])}` : 'Mean';
      byValue.set(key, [...(byValue.get(key) ?? []), row]);
    }
    const names = [...byValue.keys()].sort();
    let lowSample = false;
    names.forEach((name, index) => {
      const color = names.length === 1 ? NVIDIA_GREEN : context.theme.palette[index % context.theme.palette.length]!;
      const byConcurrency = new Map<number, MultiRunRow[]>();
      for (const row of byValue.get(name)!) {
        const c = Number(row.concurrency);
        byConcurrency.set(c, [...(byConcurrency.get(c) ?? []), row]);
      }
      const points = [...byConcurrency.keys()].sort((a, b) => a - b).map((c) => ({ c, ...operatingPoint(byConcurrency.get(c)!, xColumn, yColumn, ciLevel) }));
      lowSample ||= points.some((p) => p.n < 3);
      spec.series.push({
        name,
        showInLegend: true,
        style: 'lines+markers',
        color,
        fillColor: withAlpha(color, 0.15),
        lineWidth: 2,
        markerSize: 8,
        axis: 'y',
        x: points.map((p) => p.x),
        y: points.map((p) => p.y),
        pointLabels: points.map((p) => String(p.c)),
        errorBounds: {
          xLow: points.map((p) => p.x - p.xHalf),
          xHigh: points.map((p) => p.x + p.xHalf),
          yLow: points.map((p) => p.y - p.yHalf),
          yHigh: points.map((p) => p.y + p.yHalf),
        },
        polygons: points.filter((p) => p.xHalf > 0 || p.yHalf > 0).map((p) => ({ ...ellipse(p.x, p.y, p.xHalf, p.yHalf), dashed: p.n < 3 })),
      });
    });
    spec.footnotes.push(
      `${Math.round(ciLevel * 100)}% confidence regions over repeated runs per concurrency` + (lowSample ? '; some points have fewer than 3 runs (n < 3)' : ''),
    );
    return { spec };
  },
};
