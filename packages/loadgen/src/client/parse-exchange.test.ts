import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChunks } from './parse-exchange.js';

/** Chunk ends from arbitrary cut points of a body of `length` bytes (the last chunk ends at the body's end). */
const chunkEnds = (length: number, cuts: number[]) => [...cuts.map((c) => c % (length + 1)), length].sort((a, b) => a - b);

/** The reference: what a streaming TextDecoder returns per chunk (empty strings dropped, as decodeChunks does). */
function streamingDecoder(bytes: Uint8Array, ends: number[]): Array<[string, number]> {
  const decoder = new TextDecoder();
  let start = 0;
  return ends.map((end, i) => [decoder.decode(bytes.subarray(start, (start = end)), { stream: true }), i] as [string, number]).filter(([text]) => text !== '');
}

function sliced(bytes: Uint8Array, ends: number[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  decodeChunks(Buffer.from(bytes), ends, (text, i) => out.push([text, i]));
  return out;
}

const text = fc.array(fc.oneof(fc.constantFrom('data: {"delta":{"content":"', '"}}\n\n', 'é', '€', '𝄞', '日本', '\ufeff'), fc.string({ maxLength: 6 })), { maxLength: 30 });

describe('decodeChunks', () => {
  it('returns per chunk what a streaming TextDecoder does for UTF-8 text cut anywhere (split characters, a BOM)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (pieces, cuts, bom) => {
        const bytes = new Uint8Array(Buffer.from((bom ? '\ufeff' : '') + pieces.join('')));
        const ends = chunkEnds(bytes.length, cuts);
        expect(sliced(bytes, ends)).toEqual(streamingDecoder(bytes, ends));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes broken bytes per chunk exactly like a streaming TextDecoder (U+FFFD in the same chunk)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.array(fc.nat(), { maxLength: 10 }), (bytes, cuts) => {
        const ends = chunkEnds(bytes.length, cuts);
        expect(sliced(bytes, ends)).toEqual(streamingDecoder(bytes, ends));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds an incomplete last character back for good, as a stream that never ends its decoder does', () => {
    const bytes = new Uint8Array([0x61, 0xe2, 0x82]); // "a" and two of the three bytes of "€"
    expect(sliced(bytes, [1, 3])).toEqual([['a', 0]]);
    expect(streamingDecoder(bytes, [1, 3])).toEqual([['a', 0]]);
  });
});
