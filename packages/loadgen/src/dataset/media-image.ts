import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import type { Rng } from '@aiperf/stats';
import { ProfileConfigError } from '../errors.js';

/** One image as sent (a data URL) and what it is, for the per-request media record. */
export interface SentImage {
  url: string;
  format: string;
  width: number | null;
  height: number | null;
  bytes: number;
}

type Canvas = typeof import('@napi-rs/canvas');
let canvasModule: Canvas | null = null;
// Loaded on first use, synchronously (the dataset is built synchronously): only image runs pay for the native module.
const canvas = (): Canvas => (canvasModule ??= createRequire(import.meta.url)('@napi-rs/canvas') as Canvas);

/** A synthetic image: random coloured rectangles and circles on a random background, from the seeded stream. */
export function synthesizeImage(rng: Rng, width: number, height: number, format: 'png' | 'jpeg'): SentImage {
  const surface = canvas().createCanvas(width, height);
  const ctx = surface.getContext('2d');
  const colour = () => `rgb(${rng.int(256)},${rng.int(256)},${rng.int(256)})`;
  ctx.fillStyle = colour();
  ctx.fillRect(0, 0, width, height);
  for (let i = 0; i < 12; i++) {
    ctx.fillStyle = colour();
    const x = rng.next() * width;
    const y = rng.next() * height;
    if (i % 2 === 0) ctx.fillRect(x, y, rng.next() * width * 0.5, rng.next() * height * 0.5);
    else {
      ctx.beginPath();
      ctx.arc(x, y, rng.next() * Math.min(width, height) * 0.3 + 1, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  const data = format === 'png' ? surface.encodeSync('png') : surface.encodeSync('jpeg', 85);
  return { url: `data:image/${format};base64,${data.toString('base64')}`, format, width, height, bytes: data.length };
}

const MIME: Record<string, string> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.webp': 'webp', '.gif': 'gif' };

/** The image files of a directory (sorted, so a seed picks the same ones), read once. */
export function readImageDirectory(directory: string): SentImage[] {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch (cause) {
    throw new ProfileConfigError(`--image-directory: cannot read "${directory}" (${(cause as Error).message})`, { cause });
  }
  const images = names.flatMap((name) => {
    const format = MIME[extname(name).toLowerCase()];
    if (!format) return [];
    const data = readFileSync(join(directory, name));
    return [{ url: `data:image/${format};base64,${data.toString('base64')}`, format, width: null, height: null, bytes: data.length }];
  });
  if (images.length === 0) throw new ProfileConfigError(`--image-directory: "${directory}" holds no png, jpeg, webp or gif files`);
  return images;
}
