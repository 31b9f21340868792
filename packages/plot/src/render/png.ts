import { createCanvas } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import type { ChartSpec } from '../specs/types.js';
import { registerChartComponents, toChartConfiguration } from './chart-config.js';
import { encodeRgbaPng, isOpaque } from './png-encode.js';

registerChartComponents();

/** Renders a spec to PNG bytes (`widthPx × heightPx` at `pixelRatio`, i.e. 2400×1200 by default). */
export async function renderPng(spec: ChartSpec): Promise<Buffer> {
  const canvas = createCanvas(spec.widthPx, spec.heightPx);
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], toChartConfiguration(spec));
  try {
    // The canvas holds premultiplied RGBA. A chart paints its paper colour over the whole canvas, so every pixel is
    // opaque and the bytes are straight RGBA: the fast encoder takes them as they are. Anything translucent goes
    // through Skia's encoder, which un-premultiplies.
    const pixels = canvas.data();
    return isOpaque(pixels) ? await encodeRgbaPng(pixels, canvas.width, canvas.height) : await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
