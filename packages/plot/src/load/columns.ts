/** A Float64Array that grows by doubling, so a million rows cost 8 MB per column instead of a million objects. */
export class GrowableColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** A right-sized copy. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
