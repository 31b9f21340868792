import { createCanvas, SvgExportFlag } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import type { ChartSpec } from '../specs/types.js';
import { registerChartComponents, toChartConfiguration } from './chart-config.js';

registerChartComponents();

/** Renders a spec as a standalone SVG document (`widthPx × heightPx`, text converted to paths). */
export function renderSvg(spec: ChartSpec): string {
  const canvas = createCanvas(spec.widthPx, spec.heightPx, SvgExportFlag.ConvertTextToPaths);
  const configuration = toChartConfiguration(spec);
  // Vector output: no pixel ratio scaling.
  configuration.options = { ...configuration.options, devicePixelRatio: 1 };
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], configuration);
  try {
    return canvas.getContent().toString('utf8');
  } finally {
    chart.destroy();
  }
}
