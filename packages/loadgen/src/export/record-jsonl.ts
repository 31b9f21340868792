import { recordMetricValues } from '../metrics/compute-record.js';
import { type MetricContext, type RecordMetric, hasFlag, toDisplayUnit } from '../metrics/types.js';
import type { RequestRecord } from '../records.js';
import { stringifyJson } from './json-text.js';

const offsetToEpoch = (record: RequestRecord, offsetNs: number | null): bigint | null =>
  offsetNs === null ? null : record.startEpochNs + BigInt(Math.round(offsetNs));

/** One `profile_export.jsonl` line: metadata with epoch-ns stamps, metrics in display units, error. */
export function recordToJsonObject(
  record: RequestRecord,
  context: MetricContext,
  recordProcessorId: string,
  values: ReadonlyArray<[RecordMetric, number | number[]]> = recordMetricValues(record, context),
): Record<string, unknown> {
  const metrics: Record<string, { value: number | number[]; unit: string }> = {};
  for (const [metric, value] of values) {
    if (hasFlag(metric, 'no_record_export')) continue;
    metrics[metric.tag] = {
      value: typeof value === 'number' ? toDisplayUnit(metric, value) : value.map((v) => toDisplayUnit(metric, v)),
      unit: metric.displayUnit,
    };
  }
  return {
    metadata: {
      session_num: record.sessionNum,
      x_request_id: record.xRequestId,
      x_correlation_id: record.xCorrelationId,
      conversation_id: record.conversationId,
      turn_index: record.turnIndex,
      request_start_ns: record.startEpochNs,
      // The spec records the server's acknowledgement for streaming requests only.
      request_ack_ns: context.streaming ? offsetToEpoch(record, record.ackOffsetNs) : null,
      request_end_ns: offsetToEpoch(record, record.endOffsetNs),
      worker_id: record.workerId,
      record_processor_id: recordProcessorId,
      benchmark_phase: record.phase,
      was_cancelled: record.wasCancelled,
      cancellation_time_ns: offsetToEpoch(record, record.cancellationOffsetNs),
      // When the schedule wanted the request sent (request-rate mode); request_start_ns − this = send lateness.
      credit_issued_ns: context.scheduled ? record.startEpochNs - BigInt(Math.round(record.sendLatenessNs)) : null,
      // Sharded runs: which shard sent it and which dataset entry it used (`aiperf merge` checks none is sent twice).
      ...(record.shardIndex === undefined ? {} : { shard_index: record.shardIndex, dataset_index: record.datasetIndex }),
    },
    metrics,
    error: record.error,
  };
}

/** A bigint (or null) as its JSON literal: exact, unlike a conversion to number. */
const epochLiteral = (ns: bigint | null): string => (ns === null ? 'null' : String(ns));

/** A number's JSON literal, as JSON.stringify writes it (non-finite numbers are null), without its generic path. */
const numberLiteral = (x: number): string => (Number.isFinite(x) ? String(x) : 'null');

/**
 * Per metric, the fixed JSON around its value (`"tag":{"value":` and `,"unit":"ms"}`), or null when the metric is
 * not exported per record: the tag and unit are the same on every line, so they are quoted once per run.
 */
const metricFragments = new WeakMap<RecordMetric, { before: string; after: string } | null>();

function fragmentsOf(metric: RecordMetric): { before: string; after: string } | null {
  let fragments = metricFragments.get(metric);
  if (fragments === undefined) {
    fragments = hasFlag(metric, 'no_record_export')
      ? null
      : { before: `${JSON.stringify(metric.tag)}:{"value":`, after: `,"unit":${JSON.stringify(metric.displayUnit)}}` };
    metricFragments.set(metric, fragments);
  }
  return fragments;
}

/**
 * The same line as `stringifyJson(recordToJsonObject(…))`, written field by field: it runs for every request on
 * the record path, and a JSON.stringify replacer (for the bigint stamps) costs a callback per key plus a regex pass
 * over the line, a few µs a request. The metadata keys are fixed; only strings, metric arrays and the error go
 * through JSON.stringify (none of them holds a bigint). The export test checks both stay identical.
 */
export function recordToJsonLine(
  record: RequestRecord,
  context: MetricContext,
  recordProcessorId: string,
  values: ReadonlyArray<[RecordMetric, number | number[]]> = recordMetricValues(record, context),
): string {
  const q = JSON.stringify;
  let metrics = '';
  for (const [metric, value] of values) {
    const fragments = fragmentsOf(metric);
    if (fragments === null) continue;
    const shown = typeof value === 'number' ? numberLiteral(toDisplayUnit(metric, value)) : q(value.map((v) => toDisplayUnit(metric, v)));
    metrics += `${metrics ? ',' : ''}${fragments.before}${shown}${fragments.after}`;
  }
  const ack = context.streaming ? offsetToEpoch(record, record.ackOffsetNs) : null;
  const credit = context.scheduled ? record.startEpochNs - BigInt(Math.round(record.sendLatenessNs)) : null;
  const shardFields = record.shardIndex === undefined ? '' : `,"shard_index":${q(record.shardIndex)},"dataset_index":${q(record.datasetIndex)}`;
  return (
    `{"metadata":{"session_num":${q(record.sessionNum)},"x_request_id":${q(record.xRequestId)},"x_correlation_id":${q(record.xCorrelationId)},` +
    `"conversation_id":${q(record.conversationId)},"turn_index":${q(record.turnIndex)},"request_start_ns":${record.startEpochNs},` +
    `"request_ack_ns":${epochLiteral(ack)},"request_end_ns":${epochLiteral(offsetToEpoch(record, record.endOffsetNs))},` +
    `"worker_id":${q(record.workerId)},"record_processor_id":${q(recordProcessorId)},"benchmark_phase":${q(record.phase)},` +
    `"was_cancelled":${record.wasCancelled},"cancellation_time_ns":${epochLiteral(offsetToEpoch(record, record.cancellationOffsetNs))},` +
    `"credit_issued_ns":${epochLiteral(credit)}${shardFields}},"metrics":{${metrics}},"error":${record.error === null ? 'null' : q(record.error)}}\n`
  );
}

/**
 * One `profile_export_raw.jsonl` line (`--export-level raw`): the request's ids, the body as sent, and every
 * response message with its epoch-ns arrival time (SSE `data` fields, or the whole body when not streaming).
 */
export function recordToRawJsonLine(record: RequestRecord): string | null {
  if (!record.raw) return null;
  return `${stringifyJson({
    metadata: {
      session_num: record.sessionNum,
      x_request_id: record.xRequestId,
      conversation_id: record.conversationId,
      turn_index: record.turnIndex,
      request_start_ns: record.startEpochNs,
    },
    payload: record.raw.payload,
    responses: record.raw.responses.map((r) => ({ timestamp_ns: offsetToEpoch(record, r.offsetNs), data: r.data })),
    error: record.error,
  })}\n`;
}
