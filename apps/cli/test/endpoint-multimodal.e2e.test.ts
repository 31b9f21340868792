// Multimodal chat inputs end to end: synthetic images (rendered with @napi-rs/canvas) and WAV audio (written
// in code) sent as OpenAI content parts to the mock server through a recording proxy; the bytes are decoded
// here from their own headers (PNG IHDR, JPEG SOI, RIFF/WAVE fmt) and checked against the flags.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, readJson, readJsonl, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 5, itlMs: 1 });
const dirs = { make: () => runDir('aiperf-multimodal-') };

type Part = { type: string; text?: string; image_url?: { url: string }; input_audio?: { data: string; format: string } };

const partsOf = (body: unknown): Part[] => (body as { messages: Array<{ content: Part[] }> }).messages.at(-1)!.content;

function decodeDataUrl(url: string): { mime: string; bytes: Buffer } {
  const match = /^data:(image\/[a-z]+);base64,(.+)$/.exec(url);
  expect(match).not.toBeNull();
  return { mime: match![1]!, bytes: Buffer.from(match![2]!, 'base64') };
}

const profile = (dir: string, args: string[]) =>
  runInProcess(['profile', '--model', 'vlm', '--url', servers.proxy.url, '--tokenizer', 'builtin', '--request-count', '3', '--num-dataset-entries', '3', '--isl', '16', '--osl', '4', '--artifact-dir', dir, ...QUIET_RUN, ...args]);

describe('multimodal chat inputs', () => {
  it('images (png, sized by the flags) and wav audio (length, rate, depth, channels) as content parts; recorded per request', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await profile(dir, [
      '--image-batch-size', '2', '--image-width-mean', '64', '--image-height-mean', '48', '--image-format', 'png',
      '--audio-batch-size', '1', '--audio-length-mean', '0.5', '--audio-sample-rates', '8', '--audio-depths', '16', '--audio-num-channels', '2',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(servers.proxy.exchanges).toHaveLength(3);
    for (const request of servers.proxy.exchanges) {
      const parts = partsOf(request.body);
      expect(parts.map((p) => p.type)).toEqual(['text', 'image_url', 'image_url', 'input_audio']);
      for (const part of parts.filter((p) => p.type === 'image_url')) {
        const { mime, bytes } = decodeDataUrl(part.image_url!.url);
        expect(mime).toBe('image/png');
        expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([64, 48]);
      }
      const audio = parts[3]!.input_audio!;
      expect(audio.format).toBe('wav');
      const wav = Buffer.from(audio.data, 'base64');
      expect([wav.subarray(0, 4).toString('ascii'), wav.subarray(8, 12).toString('ascii')]).toEqual(['RIFF', 'WAVE']);
      // channels, sample rate, bits per sample; data bytes = 0.5 s × 8000 Hz × 2 channels × 2 bytes.
      expect([wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34)]).toEqual([2, 8000, 16]);
      expect(wav.readUInt32LE(40)).toBe(16_000);
    }
    expect(readJson(join(dir, 'profile_export_aiperf.json')).error_summary).toEqual([]);
    const media = readJsonl(join(dir, 'inputs_media.jsonl'));
    expect(media).toHaveLength(3);
    expect(media[0]).toMatchObject({ image_count: 2, audio_count: 1, images: [{ format: 'png', width: 64, height: 48 }, { format: 'png' }], audio: [{ format: 'wav', seconds: 0.5, sample_rate_hz: 8000, bits: 16, channels: 2, bytes: 16_044 }] });
    expect(media[0].images[0].bytes).toBeGreaterThan(50);
  });

  it('jpeg images, or files picked from --image-directory', async () => {
    servers.proxy.exchanges.length = 0;
    const result = await profile(await dirs.make(), ['--image-batch-size', '1', '--image-width-mean', '32', '--image-height-mean', '32']);
    expect(result.code, result.stderr).toBe(0);
    const jpeg = decodeDataUrl(partsOf(servers.proxy.exchanges[0]!.body)[1]!.image_url!.url);
    expect(jpeg.mime).toBe('image/jpeg');
    expect([jpeg.bytes[0], jpeg.bytes[1]]).toEqual([0xff, 0xd8]);

    const dir = await dirs.make();
    const images = join(dirname(dir), 'images');
    mkdirSync(images);
    const gifBytes = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
    writeFileSync(join(images, 'one.gif'), gifBytes);
    writeFileSync(join(images, 'notes.txt'), 'not an image');
    servers.proxy.exchanges.length = 0;
    const fromDir = await profile(dir, ['--image-batch-size', '1', '--image-directory', images]);
    expect(fromDir.code, fromDir.stderr).toBe(0);
    const sent = decodeDataUrl(partsOf(servers.proxy.exchanges[0]!.body)[1]!.image_url!.url);
    expect(sent).toEqual({ mime: 'image/gif', bytes: gifBytes });
  });

  it('images with a non-chat endpoint type, --batch-size with chat: one line naming the flag, exit 2', async () => {
    servers.proxy.exchanges.length = 0;
    const result = await profile(await dirs.make(), ['--endpoint-type', 'completions', '--image-batch-size', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^aiperf: --image-batch-size: images and audio are sent as chat content parts; use --endpoint-type chat \(got "completions"\)$/m);
    expect(servers.proxy.exchanges).toHaveLength(0);
    const batch = await profile(await dirs.make(), ['--batch-size', '4']);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toMatch(/^aiperf: --batch-size: endpoint type "chat" sends one prompt per request/m);
    expect(servers.proxy.exchanges).toHaveLength(0);
  });
});
