import { redactUrl } from '@aiperf/config';
import type { Target } from '../run/target.js';

/** One server's share of the profiling requests (`url_request_counts` in the summary; an extra key for AIPerf readers). */
export interface UrlRequestCount {
  url: string;
  request_count: number;
  error_request_count: number;
}

/** Per-server counts in `--url` order, from the sink's [valid, failed] tallies. */
export function urlRequestCounts(targets: readonly Target[], perUrl: ReadonlyArray<[number, number] | undefined>): UrlRequestCount[] {
  // URLs may carry credentials (userinfo, a key in the query): written redacted, like everywhere else.
  return targets.map((target, k) => ({ url: redactUrl(target.url), request_count: perUrl[k]?.[0] ?? 0, error_request_count: perUrl[k]?.[1] ?? 0 }));
}

/** The console line: `Requests per URL (round_robin): http://a: 50, http://b: 49 (+1 failed)`. */
export function urlCountsNote(counts: readonly UrlRequestCount[]): string {
  const parts = counts.map((c) => `${c.url}: ${c.request_count}${c.error_request_count > 0 ? ` (+${c.error_request_count} failed)` : ''}`);
  return `Requests per URL (round_robin): ${parts.join(', ')}`;
}
