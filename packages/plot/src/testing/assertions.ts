import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect } from 'vitest';
import { pixelStats, pngSize } from './png.js';

/** Each PNG: the catalogue name, 2400×1200 pixels (1600×800 at 1.5×), and not blank. */
export async function expectValidPngs(files: string[], names: string[]): Promise<void> {
  expect(files.map((file) => basename(file, '.png')).sort()).toEqual([...names].sort());
  for (const file of files) {
    expect(pngSize(readFileSync(file))).toEqual({ width: 2400, height: 1200 });
    expect((await pixelStats(file)).variance, file).toBeGreaterThan(50);
  }
}
