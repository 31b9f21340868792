/** Values per chunk: 16k × 4 B = 64 KiB, so the unused tail of the last chunk is negligible next to a long run. */
const CHUNK_LENGTH = 16_384;

/** f32/f64: metric values and times; u8: flags (NaN stores as 0). */
export type ColumnPrecision = 'f32' | 'f64' | 'u8';

const ARRAYS = { f32: Float32Array, f64: Float64Array, u8: Uint8Array } as const;

/**
 * A growable column of numbers, one per record, in fixed-size typed-array chunks: growing never copies and never
 * leaves more than one chunk of slack (a doubling array can hold twice what it needs). NaN means "no value".
 */
export class GrowableColumn {
  private readonly chunks: Array<Float32Array | Float64Array | Uint8Array> = [];
  length = 0;

  constructor(readonly precision: ColumnPrecision) {}

  push(value: number): void {
    const offset = this.length % CHUNK_LENGTH;
    if (offset === 0) this.chunks.push(new ARRAYS[this.precision](CHUNK_LENGTH));
    this.chunks[this.chunks.length - 1]![offset] = value;
    this.length += 1;
  }

  /** Overwrites the value of an existing row. */
  set(row: number, value: number): void {
    this.chunks[Math.floor(row / CHUNK_LENGTH)]![row % CHUNK_LENGTH] = value;
  }

  get(row: number): number {
    return this.chunks[Math.floor(row / CHUNK_LENGTH)]![row % CHUNK_LENGTH]!;
  }

  /** Bytes held by the chunks (what the column retains). */
  get byteLength(): number {
    return this.chunks.reduce((bytes, chunk) => bytes + chunk.byteLength, 0);
  }

  /** The non-NaN values of the given rows (all rows when none are given), in a new Float64Array. */
  values(rows?: ArrayLike<number>): Float64Array {
    const out = new Float64Array(rows ? rows.length : this.length);
    let n = 0;
    if (rows) {
      for (let i = 0; i < rows.length; i++) {
        const value = this.get(rows[i]!);
        if (!Number.isNaN(value)) out[n++] = value;
      }
    } else {
      for (const [index, chunk] of this.chunks.entries()) {
        const end = Math.min(CHUNK_LENGTH, this.length - index * CHUNK_LENGTH);
        for (let i = 0; i < end; i++) {
          const value = chunk[i]!;
          if (!Number.isNaN(value)) out[n++] = value;
        }
      }
    }
    return n === out.length ? out : out.subarray(0, n);
  }
}
