// Append-only number columns. Plain arrays of doubles (V8 stores them unboxed, 8 bytes a value) rather than
// typed arrays: a real exposition has thousands of series, and allocating typed arrays per series costs more
// than it saves for the few points a mostly-constant series keeps.

export class Float64Column {
  private readonly data: number[] = [];

  constructor(_initialCapacity = 0) {}

  get length(): number {
    return this.data.length;
  }

  push(value: number): void {
    this.data.push(value);
  }

  at(index: number): number {
    return this.data[index] as number;
  }

  /** Approximate bytes held (8 per value). */
  get byteLength(): number {
    return this.data.length * 8;
  }
}

/** Small non-negative integers (scrape indexes); V8 keeps them as tagged small integers. */
export class Uint32Column extends Float64Column {}
