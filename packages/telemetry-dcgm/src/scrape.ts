// One scrape: HTTP GET → Prometheus text → per-GPU records. The only network code in the package.
import type { RunClock } from '@aiperf/stats';
import { fetchText } from './fetch-text.js';
import { samplesToGpuRecords, type GpuTelemetryRecord } from './gpu-records.js';
import { parsePrometheusText, type PromParseIssue } from './prometheus-text.js';

export type ScrapeOutcome =
  | { kind: 'ok'; records: GpuTelemetryRecord[]; issues: PromParseIssue[] }
  | { kind: 'unreachable'; message: string }
  | { kind: 'malformed'; message: string };

export async function scrapeDcgmEndpoint(url: string, clock: RunClock, timeoutMs: number, signal: AbortSignal): Promise<ScrapeOutcome> {
  const fetched = await fetchText(url, timeoutMs, signal);
  if (fetched.kind === 'too-large') return { kind: 'malformed', message: fetched.message };
  if (fetched.kind === 'unreachable') return { kind: 'unreachable', message: fetched.message };
  return interpretExposition(fetched.body, url, clock.nowEpochNs());
}

/** Pure part of a scrape, separated so it can be tested without a socket. */
export function interpretExposition(body: string, url: string, timestampNs: bigint): ScrapeOutcome {
  const parsed = parsePrometheusText(body);
  const records = samplesToGpuRecords(parsed.samples, url, timestampNs);
  if (records.length > 0) return { kind: 'ok', records, issues: parsed.issues };
  const firstIssue = parsed.issues[0];
  const message = firstIssue
    ? `line ${firstIssue.lineNumber}: ${firstIssue.reason}: ${truncate(firstIssue.line, 60)}`
    : 'no DCGM_FI_* samples with a gpu label';
  return { kind: 'malformed', message };
}

function truncate(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
