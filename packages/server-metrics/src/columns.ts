// Growable typed-array columns: an hour of 1 s scrapes of thousands of series stays a few flat buffers.

export class Float64Column {
  private data: Float64Array;
  length = 0;

  constructor(initialCapacity = 16) {
    this.data = new Float64Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] as number;
  }

  /** Bytes held (capacity, not length). */
  get byteLength(): number {
    return this.data.byteLength;
  }
}

export class Uint32Column {
  private data: Uint32Array;
  length = 0;

  constructor(initialCapacity = 16) {
    this.data = new Uint32Array(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index] as number;
  }

  get byteLength(): number {
    return this.data.byteLength;
  }
}
