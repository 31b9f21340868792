import { errors } from 'undici';
import { protocolError } from './h1-head.js';

const LF = 10;
const CR = 13;
/** A chunk-size line or trailer section beyond this is refused, as an oversized head is. */
const MAX_LINE_BYTES = 16 * 1024;

/**
 * Whole lines of a chunked body (chunk sizes, trailers) out of socket reads that may cut them anywhere: a partial
 * line is kept until the read that completes it.
 */
export class LineReader {
  private carry: Buffer | null = null;

  reset(): void {
    this.carry = null;
  }

  /** The line from `at` without its line end, and where the next one starts; null once a partial line is kept. */
  next(data: Buffer, at: number): { line: Buffer; next: number } | null {
    const lf = data.indexOf(LF, at);
    if (lf === -1) {
      const carried = this.carry ? Buffer.concat([this.carry, data.subarray(at)]) : Buffer.from(data.subarray(at));
      if (carried.length > MAX_LINE_BYTES) throw new errors.HeadersOverflowError();
      this.carry = carried;
      return null;
    }
    if (!this.carry) return { line: data.subarray(at, lf > at && data[lf - 1] === CR ? lf - 1 : lf), next: lf + 1 };
    const line = Buffer.concat([this.carry, data.subarray(at, lf)]);
    this.carry = null;
    return { line: line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line, next: lf + 1 };
  }
}

/** A chunk-size line's size: hex digits, then nothing, whitespace or `;extensions` (which mean nothing here). */
export function parseChunkSize(line: Buffer): number {
  let size = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const digit = hexValue(line[i]!);
    if (digit === -1) break;
    size = size * 16 + digit;
    if (size > Number.MAX_SAFE_INTEGER) throw protocolError('Chunk size overflow', 'INVALID_CHUNK_SIZE');
  }
  const rest = line[i];
  if (i === 0 || (rest !== undefined && rest !== 59 && rest !== 32 && rest !== 9)) throw protocolError('Invalid character in chunk size', 'INVALID_CHUNK_SIZE');
  return size;
}

/** A trailer line's name and value (trimmed), appended to `rawTrailers` as undici hands them over. */
export function addTrailer(rawTrailers: Buffer[], line: Buffer): void {
  const colon = line.indexOf(58);
  if (colon <= 0) throw protocolError('Invalid header token', 'INVALID_HEADER_TOKEN');
  rawTrailers.push(line.subarray(0, colon), Buffer.from(line.toString('latin1', colon + 1).trim(), 'latin1'));
}

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 97 && byte <= 102) return byte - 87;
  if (byte >= 65 && byte <= 70) return byte - 55;
  return -1;
}
