import type { Rng } from '@aiperf/stats';

/** One audio clip as sent (base64 WAV for `input_audio`) and what it is, for the per-request media record. */
export interface SentAudio {
  data: string;
  format: 'wav';
  seconds: number;
  sampleRateHz: number;
  bits: number;
  channels: number;
  bytes: number;
}

/**
 * A PCM WAV clip of a tone with seeded noise, written in code: the RIFF header (fmt + data chunks) and
 * little-endian samples (8-bit unsigned, 16/24/32-bit signed), as the WAV format defines them.
 */
export function synthesizeWav(rng: Rng, seconds: number, sampleRateHz: number, bits: number, channels: number): SentAudio {
  const frames = Math.max(1, Math.round(seconds * sampleRateHz));
  const bytesPerSample = bits / 8;
  const dataBytes = frames * channels * bytesPerSample;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(channels, 22);
  buffer.writeUInt32LE(sampleRateHz, 24);
  buffer.writeUInt32LE(sampleRateHz * channels * bytesPerSample, 28);
  buffer.writeUInt16LE(channels * bytesPerSample, 32);
  buffer.writeUInt16LE(bits, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  const toneHz = 220 + rng.int(660);
  const max = 2 ** (bits - 1) - 1;
  let at = 44;
  for (let frame = 0; frame < frames; frame++) {
    const value = 0.5 * Math.sin((2 * Math.PI * toneHz * frame) / sampleRateHz) + 0.1 * (rng.next() * 2 - 1);
    const sample = Math.round(value * max);
    for (let channel = 0; channel < channels; channel++) {
      if (bits === 8) buffer.writeUInt8(sample + 128, at);
      else buffer.writeIntLE(sample, at, bytesPerSample);
      at += bytesPerSample;
    }
  }
  return { data: buffer.toString('base64'), format: 'wav', seconds: frames / sampleRateHz, sampleRateHz, bits, channels, bytes: buffer.length };
}
