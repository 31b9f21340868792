import { Chart } from 'chart.js';
import type { ChartSpec } from '../../specs/types.js';
import { liveChartConfig } from './chart.js';
import type { LogScale } from './state.js';

// An exported HTML file: the bundle finds the embedded spec and draws it, full width, with tooltips.
export function renderStandalone(json: string): void {
  const { spec, logScale } = JSON.parse(json) as { spec: ChartSpec; logScale: LogScale };
  const box = document.getElementById('aiperf-standalone')!;
  Object.assign(box.style, { position: 'relative', width: '100%', maxWidth: `${spec.widthPx}px`, aspectRatio: `${spec.widthPx} / ${spec.heightPx}` });
  document.body.style.margin = '0';
  const canvas = document.getElementById('aiperf-chart') as HTMLCanvasElement;
  new Chart(canvas, liveChartConfig(spec, { logScale, compact: false }));
}
