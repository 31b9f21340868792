import { promisify } from 'node:util';
import { constants, crc32, deflate } from 'node:zlib';

// A PNG writer for opaque 8-bit RGBA pixels: rows unfiltered, one IDAT chunk, compressed by Node's zlib (off the
// main thread). Hand-written because what is at hand falls short on a 2400×1200 chart: Skia's encoder
// (@napi-rs/canvas `encode('png')`, no level or filter option) spends ~130 ms of CPU per chart, 60–80% of a
// chart's whole rendering; pngjs filters in JavaScript and deflates with Z_RLE (60–300 ms, files up to 12× larger);
// fast-png deflates in JavaScript (~270 ms). Unfiltered rows at zlib level 1 take ~20 ms: a chart is long runs of
// one colour, which deflate finds without a row filter, at about twice the bytes of Skia's file (~160 KB).

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const OPAQUE_ALPHA = 0xff;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Whether every pixel of RGBA bytes has alpha 255 (premultiplied and straight RGBA are then the same bytes). */
export function isOpaque(rgba: Uint8Array): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== OPAQUE_ALPHA) return false;
  return true;
}

/** PNG bytes (colour type 6, RGBA, 8 bits, sRGB) of `width × height` straight-alpha RGBA pixels, row after row. */
export async function encodeRgbaPng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  const rowBytes = width * 4;
  if (rgba.length !== rowBytes * height) throw new Error(`encodeRgbaPng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  // Each row is its filter type byte (0: none) and the row's pixels.
  const rows = Buffer.allocUnsafe((rowBytes + 1) * height);
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  for (let y = 0; y < height; y += 1) {
    const at = y * (rowBytes + 1);
    rows[at] = 0;
    pixels.copy(rows, at + 1, y * rowBytes, (y + 1) * rowBytes);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  // compression 0 (deflate), filter method 0, interlace 0 (none): the bytes stay 0.
  const idat = await deflateAsync(rows, { level: 1, strategy: constants.Z_DEFAULT_STRATEGY });
  // sRGB, rendering intent 0 (perceptual): the colours are sRGB, as the canvas draws them (Skia writes it too).
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('sRGB', Buffer.from([0])), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
