import { Chart } from 'chart.js';
import { strToU8, zipSync } from 'fflate';
import type { ChartSpec } from '../../specs/types.js';
import { EXPORT_SIZES, exportChartConfig } from './chart.js';
import { el } from './dom.js';
import type { LogScale } from './state.js';

// Export of the current view: the visible plots (their current statistics, custom plots and log scales) as a ZIP
// of PNGs at a chosen size, or of standalone HTML files that draw the chart offline (each embeds this bundle and
// its spec, and needs nothing else).

export interface ExportItem {
  name: string;
  spec: ChartSpec;
  logScale: LogScale;
}

const stamp = (date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}_${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
};

/** Draws one plot off screen with the PNG renderer's configuration and returns the PNG bytes. */
async function pngBytes(item: ExportItem, ratio: number): Promise<Uint8Array> {
  const canvas = el('canvas', { width: String(item.spec.widthPx), height: String(item.spec.heightPx) });
  const box = el('div', { class: 'offscreen' }, [canvas]);
  document.body.append(box);
  const chart = new Chart(canvas, exportChartConfig(item.spec, item.logScale, ratio));
  try {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(`could not encode ${item.name} as PNG`);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    chart.destroy();
    box.remove();
  }
}

/** `</script` inside embedded text would end the script element early. */
const scriptSafe = (text: string): string => text.replace(/<\/(script)/gi, '<\\/$1');

/** A standalone page that draws one plot: its spec as JSON data and the dashboard bundle, which renders it on load. */
export function standaloneHtml(item: ExportItem, bundle: string): string {
  const title = item.spec.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title}</title></head>`,
    '<body><div id="aiperf-standalone"><canvas id="aiperf-chart"></canvas></div>',
    `<script type="application/json" id="aiperf-spec">${scriptSafe(JSON.stringify({ spec: item.spec, logScale: item.logScale }))}</script>`,
    `<script>${scriptSafe(bundle)}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** The ZIP of the current view and its file name (`aiperf_dashboard_png_<size>_<stamp>.zip`, `aiperf_dashboard_html_<stamp>.zip`). */
export async function exportView(items: ExportItem[], format: 'png' | 'html', size: keyof typeof EXPORT_SIZES): Promise<{ name: string; zip: Uint8Array }> {
  const files: Record<string, Uint8Array> = {};
  if (format === 'png') {
    for (const item of items) files[`${item.name}.png`] = await pngBytes(item, EXPORT_SIZES[size].ratio);
    return { name: `aiperf_dashboard_png_${size}_${stamp()}.zip`, zip: zipSync(files, { level: 0 }) };
  }
  const bundle = await (await fetch('/assets/dashboard.js')).text();
  for (const item of items) files[`${item.name}.html`] = strToU8(standaloneHtml(item, bundle));
  return { name: `aiperf_dashboard_html_${stamp()}.zip`, zip: zipSync(files, { level: 6 }) };
}
