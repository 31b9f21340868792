// A Prometheus histogram (cumulative buckets, sum, count) and the text lines of one, as prometheus_client writes them.

export class Histogram {
  private readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    const index = this.bounds.findIndex((bound) => value <= bound);
    if (index >= 0) this.counts[index] = (this.counts[index] as number) + 1;
  }

  /** `<name>_bucket` lines (cumulative, `+Inf` last), `_count` and `_sum`. */
  lines(name: string, labels: string): string[] {
    const lines: string[] = [];
    let cumulative = 0;
    this.bounds.forEach((bound, i) => {
      cumulative += this.counts[i] as number;
      lines.push(`${name}_bucket{${labels},le="${floatText(bound)}"} ${floatText(cumulative)}`);
    });
    lines.push(`${name}_bucket{${labels},le="+Inf"} ${floatText(this.count)}`);
    lines.push(`${name}_count{${labels}} ${floatText(this.count)}`, `${name}_sum{${labels}} ${floatText(this.sum)}`);
    return lines;
  }
}

/** Python's float repr for the values we write (`1.0`, `0.25`, `1500.0`). */
export function floatText(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}
