import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import type { ChartSpec } from '../specs/types.js';
import { registerChartComponents, toChartConfiguration } from './chart-config.js';

registerChartComponents();

/** Renders a spec to PNG bytes (`widthPx × heightPx` at `pixelRatio`, i.e. 2400×1200 by default). */
export async function renderPng(spec: ChartSpec): Promise<Buffer> {
  const canvas = createCanvas(spec.widthPx, spec.heightPx);
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], toChartConfiguration(spec));
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
