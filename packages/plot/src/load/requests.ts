import type { RunRequests } from '../types.js';
import { arrayStats, ARRAY_STAT_SUFFIXES } from './array-stats.js';
import { GrowableColumn } from './columns.js';
import { readLines } from './lines.js';

/** Epoch-ns fields are read from the raw text: JSON.parse would round them to the nearest double. */
const START_NS = /"request_start_ns"\s*:\s*(\d+)/;
/** Older records carried the request's wall-clock start as `timestamp_ns`. */
const LEGACY_START_NS = /"timestamp_ns"\s*:\s*(\d+)/;
const END_NS = /"request_end_ns"\s*:\s*(\d+)/;

/**
 * One column per metric tag seen in any record (rows without it hold NaN): `{value, unit}` and bare numbers are
 * plotted as they are; arrays (`inter_chunk_latency`) become `<tag>_avg`, `_p50`, `_p95`, `_std`, `_min`, `_max`,
 * `_range` columns. Columns are created when a tag first appears and padded, so rows stay aligned.
 */
class RequestColumns {
  readonly columns = new Map<string, GrowableColumn>();
  readonly units: Record<string, string> = {};
  rows = 0;

  set(tag: string, value: number): void {
    let column = this.columns.get(tag);
    if (!column) {
      column = new GrowableColumn();
      this.columns.set(tag, column);
    }
    while (column.length < this.rows) column.push(Number.NaN);
    column.push(value);
  }

  addRecord(metrics: Record<string, unknown>): void {
    for (const tag in metrics) {
      const entry = metrics[tag];
      const value = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as { value?: unknown }).value : entry;
      if (typeof value === 'number') {
        this.set(tag, value);
        this.noteUnit(tag, entry);
      } else if (Array.isArray(value)) {
        const stats = arrayStats(value);
        if (!stats) continue;
        ARRAY_STAT_SUFFIXES.forEach((suffix, k) => {
          this.set(`${tag}_${suffix}`, stats[k]!);
          this.noteUnit(`${tag}_${suffix}`, entry);
        });
      }
    }
    this.rows += 1;
  }

  private noteUnit(tag: string, entry: unknown): void {
    if (this.units[tag] === undefined && entry !== null && typeof entry === 'object') {
      const unit = (entry as { unit?: unknown }).unit;
      if (typeof unit === 'string') this.units[tag] = unit;
    }
  }

  toArrays(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [tag, column] of this.columns) {
      while (column.length < this.rows) column.push(Number.NaN);
      out[tag] = column.toArray();
    }
    return out;
  }
}

/**
 * Streams `profile_export.jsonl` line by line into typed columns. Blank lines are ignored; unparsable lines
 * are counted in `invalidLineCount` and skipped. Returns null when the file holds no valid record.
 */
export async function readRequests(path: string): Promise<RunRequests | null> {
  let baseNs: bigint | null = null;
  const start = new GrowableColumn();
  const end = new GrowableColumn();
  const metrics = new RequestColumns();
  let errorCount = 0;
  let invalidLineCount = 0;

  for await (const line of readLines(path)) {
    if (line.trim() === '') continue;
    let record: { metrics?: Record<string, unknown>; error?: unknown };
    try {
      record = JSON.parse(line);
    } catch {
      invalidLineCount += 1;
      continue;
    }
    const startMatch = START_NS.exec(line) ?? LEGACY_START_NS.exec(line);
    if (!record || typeof record !== 'object' || !startMatch) {
      invalidLineCount += 1;
      continue;
    }
    const startNs = BigInt(startMatch[1]!);
    baseNs ??= startNs;
    const recordMetrics = record.metrics ?? {};
    metrics.addRecord(recordMetrics);
    const endMatch = END_NS.exec(line);
    const startOffsetNs = Number(startNs - baseNs);
    start.push(startOffsetNs);
    // Older records without request_end_ns: start + request latency.
    const latency = recordMetrics.request_latency as { value?: unknown } | number | undefined;
    const latencyMs = typeof latency === 'number' ? latency : latency?.value;
    end.push(endMatch ? Number(BigInt(endMatch[1]!) - baseNs) : typeof latencyMs === 'number' ? startOffsetNs + latencyMs * 1e6 : Number.NaN);
    if (record.error) errorCount += 1;
  }
  if (baseNs === null) return null;
  const count = start.length;
  const columns = metrics.toArrays();
  const column = (tag: string): Float64Array => columns[tag] ?? new Float64Array(count).fill(Number.NaN);
  return {
    baseNs,
    count,
    requestStartOffsetNs: start.toArray(),
    requestEndOffsetNs: end.toArray(),
    columns,
    timeToFirstTokenMs: column('time_to_first_token'),
    interTokenLatencyMs: column('inter_token_latency'),
    requestLatencyMs: column('request_latency'),
    outputSequenceLength: column('output_sequence_length'),
    inputSequenceLength: column('input_sequence_length'),
    units: metrics.units,
    errorCount,
    invalidLineCount,
  };
}
