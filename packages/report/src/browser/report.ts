/// <reference lib="dom" />
// The report page's script (bundled with chart.js into one IIFE by tsup): draws every chart of the embedded data.
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import type { ChartSpec, ReportData } from '../html/types.js';

Chart.register(...registerables);

const PALETTE = ['#76b900', '#1f77b4', '#ff7f0e', '#d62728', '#9467bd', '#8c564b'];

function chartConfig(spec: ChartSpec): ChartConfiguration {
  const axes = {
    x: { type: spec.type === 'bar' ? ('category' as const) : ('linear' as const), title: { display: true, text: spec.xLabel } },
    y: { title: { display: true, text: spec.yLabel }, beginAtZero: spec.type === 'bar' },
  };
  const datasets = spec.series.map((series, i) => {
    const color = PALETTE[i % PALETTE.length];
    const data = spec.type === 'bar' ? series.points.map(([, y]) => y) : series.points.map(([x, y]) => ({ x, y }));
    return { label: series.label, data, borderColor: color, backgroundColor: color, pointRadius: spec.type === 'scatter' ? 2 : 3, showLine: spec.type === 'line' };
  });
  return {
    type: spec.type === 'bar' ? 'bar' : 'scatter',
    data: { labels: spec.categories, datasets },
    // No animation: the page is read (and tested) as soon as it loads.
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: axes, plugins: { title: { display: true, text: spec.title }, tooltip: { enabled: true } } },
  } as ChartConfiguration;
}

function drawAll(): void {
  const element = document.getElementById('report-data');
  const data = JSON.parse(element?.textContent ?? '{}') as ReportData;
  let drawn = 0;
  for (const spec of data.charts ?? []) {
    const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-chart="${CSS.escape(spec.id)}"]`);
    if (!canvas) continue;
    new Chart(canvas, chartConfig(spec));
    drawn += 1;
  }
  document.body.dataset.chartsDrawn = String(drawn);
}

drawAll();
