import type { MetricResult } from '../metrics/compute.js';
import { COALESCED_GAP_NS } from '../metrics/delivery-metrics.js';

const scalar = (results: readonly MetricResult[], tag: string): number => {
  const avg = results.find((r) => r.tag === tag)?.avg;
  return typeof avg === 'number' ? avg : 0;
};

/** Console notes about numbers to read with care: requests whose chunks arrived together. */
export function resultNotes(results: readonly MetricResult[]): string[] {
  const suspect = scalar(results, 'suspect_request_count');
  if (suspect === 0) return [];
  const total = scalar(results, 'request_count');
  return [
    `Note: ${suspect} of ${total} requests had chunks delivered together (< ${COALESCED_GAP_NS / 1000} µs apart: one network read, ` +
      'or a stall of this machine or the network); their ITL and output token throughput per user reflect the delivery, ' +
      'not the server (suspect_request_count; per request: coalesced_chunk_count)',
  ];
}
