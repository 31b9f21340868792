import type { RequestErrorInfo, RequestRecord } from '../records.js';
import { GrowableColumn } from './column.js';
import { recordMetricValues } from './compute-record.js';
import { PooledDistribution, RUN_DENSE_LIMIT } from './pooled-distribution.js';
import type { MetricContext, RecordMetric } from './types.js';

/**
 * What a run keeps of its records: one typed-array column per scalar record metric and a few per-record facts
 * (start, response end, send lateness, valid), ~60–90 B per record; a pooled distribution per list metric; errors
 * grouped by kind. Everything else about a record (ids, texts, chunk times) goes to the JSONL and is dropped.
 *
 * Precision. Metric values are Float32: a relative error of at most 2^-24 (6e-8) is 60 ns on a 1 s TTFT and
 * under 5 µs up to 84 s, below both the 0.01 ms the exports print and the tens of µs an event loop adds to any
 * timestamp; token counts are integers, exact in Float32 up to 2^24 (16.7M per request); sums are taken in
 * Float64. Start and response-end times are Float64 ns offsets from the first record's epoch start, exact to
 * the ns for 104 days (2^53 ns), so min_request_timestamp/max_response_timestamp stay exact epoch integers.
 */
export class MetricStore {
  /** Epoch ns of the first record's start; every time column is an offset from it. */
  private baseEpochNs: bigint | null = null;
  private readonly startNs = new GrowableColumn('f64');
  private readonly responseEndNs = new GrowableColumn('f64');
  private readonly latenessNs = new GrowableColumn('f32');
  private readonly valid = new GrowableColumn('u8');
  private readonly columns = new Map<string, GrowableColumn>();
  /** The same columns as a list, for the per-record pass that fills in a missing value (no iterator per record). */
  private readonly columnList: GrowableColumn[] = [];
  private readonly pooled = new Map<string, PooledDistribution>();
  /** Per time slice (key = start epoch ns ÷ slice), the list metrics' distributions; only with a slice duration. */
  private readonly slicePooled = new Map<number, Map<string, PooledDistribution>>();
  private readonly errorCounts = new Map<string, { error: RequestErrorInfo; count: number }>();

  constructor(
    readonly context: MetricContext,
    /** Slice length for timeslice exports (ns), or null when none are wanted. */
    readonly sliceNs: bigint | null = null,
  ) {}

  get length(): number {
    return this.valid.length;
  }

  /** Keeps one profiling record; `values` are its record metrics when the caller already computed them. */
  add(record: RequestRecord, values: ReadonlyArray<[RecordMetric, number | number[]]> = recordMetricValues(record, this.context)): void {
    this.baseEpochNs ??= record.startEpochNs;
    const startNs = Number(record.startEpochNs - this.baseEpochNs);
    const row = this.length;
    this.startNs.push(startNs);
    this.responseEndNs.push(startNs + Math.round(record.lastResponseOffsetNs ?? record.endOffsetNs));
    this.latenessNs.push(record.sendLatenessNs);
    this.valid.push(record.error === null ? 1 : 0);
    if (record.error) this.countError(record.error);
    const sliceKey = this.sliceNs === null ? null : Number(record.startEpochNs / this.sliceNs);
    for (const [metric, value] of values) {
      if (typeof value === 'number') {
        let column = this.columns.get(metric.tag);
        if (column === undefined) {
          column = paddedColumn(row);
          this.columns.set(metric.tag, column);
          this.columnList.push(column);
        }
        // Written in place, without a scratch map per record (clearing a Map allocates a new table each time).
        if (column.length === row) column.push(value);
        else column.set(row, value);
      } else {
        const pool = getOrAdd(this.pooled, metric.tag, () => new PooledDistribution(RUN_DENSE_LIMIT));
        for (const v of value) pool.add(v);
        if (sliceKey !== null) {
          const slice = getOrAdd(this.slicePooled, sliceKey, () => new Map<string, PooledDistribution>());
          const slicePool = getOrAdd(slice, metric.tag, () => new PooledDistribution());
          for (const v of value) slicePool.add(v);
        }
      }
    }
    // Columns of metrics this record has no value for get a missing value in its row.
    for (const column of this.columnList) if (column.length === row) column.push(Number.NaN);
  }

  private countError(error: RequestErrorInfo): void {
    const key = `${error.code}\u0000${error.type}\u0000${error.message}`;
    const entry = getOrAdd(this.errorCounts, key, () => ({ error: { code: error.code, type: error.type, message: error.message }, count: 0 }));
    entry.count += 1;
  }

  /** Failed requests grouped by (code, type, message), in first-seen order. */
  errorGroups(): Array<{ error: RequestErrorInfo; count: number }> {
    return [...this.errorCounts.values()];
  }

  /** Tags with a per-record column, in first-seen order. */
  columnTags(): string[] {
    return [...this.columns.keys()];
  }

  /** The non-missing values of a record metric over `rows` (all rows when undefined), or none. */
  values(tag: string, rows?: ArrayLike<number>): Float64Array {
    return this.columns.get(tag)?.values(rows) ?? new Float64Array(0);
  }

  /** One record metric's value for one row (NaN when it has none). */
  value(tag: string, row: number): number {
    return this.columns.get(tag)?.get(row) ?? Number.NaN;
  }

  /** A list metric's pooled distribution over the run, or over one time slice. */
  pooledDistribution(tag: string, sliceKey?: number): PooledDistribution | undefined {
    return sliceKey === undefined ? this.pooled.get(tag) : this.slicePooled.get(sliceKey)?.get(tag);
  }

  isValid = (row: number): boolean => this.valid.get(row) === 1;
  startOffsetNs = (row: number): number => this.startNs.get(row);
  responseEndOffsetNs = (row: number): number => this.responseEndNs.get(row);
  sendLatenessNs = (row: number): number => this.latenessNs.get(row);

  /** Epoch ns of an offset from the base (exact: offsets are integers). */
  epochNs(offsetNs: number): bigint {
    return (this.baseEpochNs ?? 0n) + BigInt(offsetNs);
  }

  /** Rows grouped by time slice (start epoch ns ÷ slice, floored: the key `add` files list metrics under), in time order. */
  sliceRows(): Array<{ sliceKey: number; rows: Uint32Array }> {
    if (this.sliceNs === null || this.baseEpochNs === null) return [];
    const sliceNs = Number(this.sliceNs);
    const baseKey = Number(this.baseEpochNs / this.sliceNs);
    const baseRemainderNs = Number(this.baseEpochNs % this.sliceNs);
    const keys = new Float64Array(this.length);
    for (let row = 0; row < this.length; row++) keys[row] = baseKey + floorDiv(baseRemainderNs + this.startNs.get(row), sliceNs);
    const order = Uint32Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
    const slices: Array<{ sliceKey: number; rows: Uint32Array }> = [];
    let first = 0;
    for (let i = 1; i <= order.length; i++) {
      if (i < order.length && keys[order[i]!] === keys[order[first]!]) continue;
      slices.push({ sliceKey: keys[order[first]!]!, rows: order.slice(first, i) });
      first = i;
    }
    return slices;
  }

  /** Bytes retained by the per-record columns (the pooled distributions and error groups are not per record). */
  get columnBytes(): number {
    let bytes = this.startNs.byteLength + this.responseEndNs.byteLength + this.latenessNs.byteLength + this.valid.byteLength;
    for (const column of this.columns.values()) bytes += column.byteLength;
    return bytes;
  }
}

/** A new f32 metric column already holding `rows` missing values, for a metric first seen at that row. */
function paddedColumn(rows: number): GrowableColumn {
  const column = new GrowableColumn('f32');
  for (let i = 0; i < rows; i++) column.push(Number.NaN);
  return column;
}

/** ⌊a ÷ b⌋ for integers below 2^53, exact (a float quotient can round up across an integer). */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
