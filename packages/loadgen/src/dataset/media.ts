import type { BenchmarkConfig } from '@aiperf/config';
import type { Rng } from '@aiperf/stats';
import type { RequestMedia } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';
import { type SentAudio, synthesizeWav } from './media-audio.js';
import { type SentImage, readImageDirectory, synthesizeImage } from './media-image.js';

/** What one request carries besides text, as recorded per request (`inputs_media.jsonl`). */
export interface MediaRecord {
  images: Array<Omit<SentImage, 'url'>>;
  audio: Array<Omit<SentAudio, 'data'>>;
}

const sample = (rng: Rng, mean: number, stddev: number) => Math.max(1, Math.round(rng.normal(mean, stddev)));

/**
 * Per-request media for chat (`--image-batch-size`, `--audio-batch-size`), or null when none is asked for.
 * Drawn from a stream of its own, so the prompts stay those of a text-only run with the same seed.
 */
export function mediaInputs(config: BenchmarkConfig, endpointName: string, rng: Rng): (() => { media: RequestMedia; record: MediaRecord }) | null {
  const { images, audio } = config.input;
  if (images.batchSize === 0 && audio.batchSize === 0) return null;
  if (endpointName !== 'chat') {
    const flag = images.batchSize > 0 ? '--image-batch-size' : '--audio-batch-size';
    throw new ProfileConfigError(`${flag}: images and audio are sent as chat content parts; use --endpoint-type chat (got "${endpointName}")`);
  }
  const badDepth = audio.depths.find((bits) => ![8, 16, 24, 32].includes(bits));
  if (audio.batchSize > 0 && badDepth !== undefined) throw new ProfileConfigError(`--audio-depths: got ${badDepth}; allowed: 8, 16, 24, 32`);
  const pool = images.batchSize > 0 && images.directory ? readImageDirectory(images.directory) : null;
  const image = (): SentImage => {
    if (pool) return pool[rng.int(pool.length)]!;
    const format = images.format === 'random' ? (rng.next() < 0.5 ? 'png' : 'jpeg') : images.format;
    return synthesizeImage(rng, sample(rng, images.width.mean, images.width.stddev), sample(rng, images.height.mean, images.height.stddev), format);
  };
  const clip = (): SentAudio => {
    const seconds = Math.max(0.01, rng.normal(audio.length.mean, audio.length.stddev));
    const rateHz = Math.round(audio.sampleRates[rng.int(audio.sampleRates.length)]! * 1000);
    return synthesizeWav(rng, seconds, rateHz, audio.depths[rng.int(audio.depths.length)]!, audio.numChannels);
  };
  return () => {
    const sentImages = Array.from({ length: images.batchSize }, image);
    const sentAudio = Array.from({ length: audio.batchSize }, clip);
    return {
      media: { images: sentImages.map((i) => i.url), audio: sentAudio.map((a) => ({ data: a.data, format: a.format })) },
      record: { images: sentImages.map(({ url: _url, ...rest }) => rest), audio: sentAudio.map(({ data: _data, ...rest }) => rest) },
    };
  };
}
