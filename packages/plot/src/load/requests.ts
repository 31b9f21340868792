import type { RunRequests } from '../types.js';
import { GrowableColumn } from './columns.js';
import { readLines } from './lines.js';

/** Epoch-ns fields are read from the raw text: JSON.parse would round them to the nearest double. */
const START_NS = /"request_start_ns"\s*:\s*(\d+)/;
/** Older records carried the request's wall-clock start as `timestamp_ns`. */
const LEGACY_START_NS = /"timestamp_ns"\s*:\s*(\d+)/;
const END_NS = /"request_end_ns"\s*:\s*(\d+)/;

const METRIC_COLUMNS = {
  time_to_first_token: 'timeToFirstTokenMs',
  inter_token_latency: 'interTokenLatencyMs',
  request_latency: 'requestLatencyMs',
  output_sequence_length: 'outputSequenceLength',
  input_sequence_length: 'inputSequenceLength',
} as const;
type MetricColumn = (typeof METRIC_COLUMNS)[keyof typeof METRIC_COLUMNS];

/** `{value, unit}` (current) or a bare number (tolerated); lists and nulls are not plotted per request. */
function metricValue(entry: unknown): { value: number; unit?: string } | null {
  if (typeof entry === 'number') return { value: entry };
  if (entry && typeof entry === 'object' && 'value' in entry) {
    const { value, unit } = entry as { value: unknown; unit?: unknown };
    if (typeof value === 'number') return { value, ...(typeof unit === 'string' ? { unit } : {}) };
  }
  return null;
}

/**
 * Streams `profile_export.jsonl` line by line into typed columns. Blank lines are ignored; unparsable lines
 * are counted in `invalidLineCount` and skipped. Returns null when the file holds no valid record.
 */
export async function readRequests(path: string): Promise<RunRequests | null> {
  let baseNs: bigint | null = null;
  const start = new GrowableColumn();
  const end = new GrowableColumn();
  const columns = Object.fromEntries(Object.values(METRIC_COLUMNS).map((name) => [name, new GrowableColumn()])) as Record<MetricColumn, GrowableColumn>;
  const units: Record<string, string> = {};
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
    const metrics = record.metrics ?? {};
    for (const [tag, column] of Object.entries(METRIC_COLUMNS)) {
      const metric = metricValue(metrics[tag]);
      columns[column].push(metric ? metric.value : Number.NaN);
      if (metric?.unit && !units[tag]) units[tag] = metric.unit;
    }
    const endMatch = END_NS.exec(line);
    const startOffsetNs = Number(startNs - baseNs);
    start.push(startOffsetNs);
    // Older records without request_end_ns: start + request latency.
    const latencyMs = metricValue(metrics.request_latency)?.value;
    end.push(endMatch ? Number(BigInt(endMatch[1]!) - baseNs) : latencyMs !== undefined ? startOffsetNs + latencyMs * 1e6 : Number.NaN);
    if (record.error) errorCount += 1;
  }
  if (baseNs === null) return null;
  return {
    baseNs,
    count: start.length,
    requestStartOffsetNs: start.toArray(),
    requestEndOffsetNs: end.toArray(),
    timeToFirstTokenMs: columns.timeToFirstTokenMs.toArray(),
    interTokenLatencyMs: columns.interTokenLatencyMs.toArray(),
    requestLatencyMs: columns.requestLatencyMs.toArray(),
    outputSequenceLength: columns.outputSequenceLength.toArray(),
    inputSequenceLength: columns.inputSequenceLength.toArray(),
    units,
    errorCount,
    invalidLineCount,
  };
}
