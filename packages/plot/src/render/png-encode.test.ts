import { createCanvas, loadImage } from '@napi-rs/canvas';
import { Chart } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildPlots, defaultPlotConfig, loadRuns, renderPng, toChartConfiguration, type ChartSpec } from '../index.js';
import { writeSingleRun } from '../testing/fixtures.js';
import { pngSize } from '../testing/png.js';
import { encodeRgbaPng, isOpaque } from './png-encode.js';
import { makeTempDir } from '@aiperf/test-kit';

/** Straight RGBA pixels of PNG bytes, decoded by Skia (@napi-rs/canvas), not by the code under test. */
async function decode(png: Buffer): Promise<{ width: number; height: number; rgba: Buffer }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: Buffer.from(context.getImageData(0, 0, image.width, image.height).data) };
}

/** The same chart through Skia's own PNG encoder: what `renderPng` wrote before it had its own encoder. */
async function skiaPng(spec: ChartSpec): Promise<Buffer> {
  const canvas = createCanvas(spec.widthPx, spec.heightPx);
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], toChartConfiguration(spec));
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

describe('PNG encoding', () => {
  it('a chart decodes to exactly the pixels Skia encodes, light and dark (points, lines, text, legends)', async () => {
    const run = writeSingleRun(await makeTempDir('aiperf-png-encode-'), { requestCount: 48, concurrency: 4, sliceDurationS: 1, gpuCount: 1 });
    const { runs } = await loadRuns([run]);
    // Markers in light; in dark, lines on two y axes with an inside legend.
    const charts = [
      ['light', 'ttft_over_time'],
      ['dark', 'gpu_utilization_and_throughput_over_time'],
    ] as const;
    for (const [theme, name] of charts) {
      const specs = buildPlots(runs, { config: defaultPlotConfig(), theme }).specs.filter((spec) => spec.name === name);
      expect(specs).toHaveLength(1);
      for (const shipped of specs) {
        // A quarter of the shipped size each way (600×300 pixels): the same drawing code and encoder, 1/16 of the
        // pixels to draw and decode twice. The plot tests check the shipped 2400×1200.
        const spec = { ...shipped, widthPx: shipped.widthPx / 4, heightPx: shipped.heightPx / 4 };
        const ours = await renderPng(spec);
        expect(pngSize(ours)).toEqual({ width: 600, height: 300 });
        const [mine, skia] = await Promise.all([decode(ours), decode(await skiaPng(spec))]);
        expect(mine.width * mine.height).toBe(600 * 300);
        // A drawn chart (anti-aliased text, markers, lines), not a blank canvas that any encoder gets right.
        expect(new Set(new Uint32Array(mine.rgba.buffer, mine.rgba.byteOffset, mine.rgba.length / 4)).size, spec.name).toBeGreaterThan(100);
        expect(mine.rgba.equals(skia.rgba), `${theme} ${spec.name}`).toBe(true);
      }
    }
  });

  it('writes a small image pixel for pixel, with the PNG chunks in order', async () => {
    const width = 3;
    const height = 2;
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 12, 34, 56, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
    const png = await encodeRgbaPng(rgba, width, height);
    expect(await decode(png)).toEqual({ width, height, rgba });
    const types: string[] = [];
    for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('ascii', at + 4, at + 8));
    expect(types).toEqual(['IHDR', 'sRGB', 'IDAT', 'IEND']);
    await expect(encodeRgbaPng(rgba, width, 3)).rejects.toThrow('24 bytes for 3×3 RGBA');
  });

  it('only fully opaque pixels are taken as they are (a translucent canvas goes through Skia)', () => {
    expect(isOpaque(Buffer.from([1, 2, 3, 255, 4, 5, 6, 255]))).toBe(true);
    expect(isOpaque(Buffer.from([1, 2, 3, 255, 4, 5, 6, 254]))).toBe(false);
  });
});
