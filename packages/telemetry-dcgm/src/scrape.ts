// One scrape: HTTP GET → Prometheus text → per-GPU records. The only network code in the package.
import type { RunClock } from '@aiperf/stats';
import { request } from 'undici';
import { samplesToGpuRecords, type GpuTelemetryRecord } from './gpu-records.js';
import { parsePrometheusText, type PromParseIssue } from './prometheus-text.js';

export type ScrapeOutcome =
  | { kind: 'ok'; records: GpuTelemetryRecord[]; issues: PromParseIssue[] }
  | { kind: 'unreachable'; message: string }
  | { kind: 'malformed'; message: string };

export async function scrapeDcgmEndpoint(url: string, clock: RunClock, timeoutMs: number, signal: AbortSignal): Promise<ScrapeOutcome> {
  let body: string;
  try {
    const response = await request(url, {
      method: 'GET',
      headers: { accept: 'text/plain' },
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    body = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) {
      return { kind: 'unreachable', message: `HTTP ${response.statusCode}` };
    }
  } catch (error) {
    return { kind: 'unreachable', message: describeFetchError(error, timeoutMs) };
  }
  return interpretExposition(body, url, clock.nowEpochNs());
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

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    const code = (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
    // undici's messages usually name the code already ("connect ECONNREFUSED 127.0.0.1:9400").
    if (typeof code !== 'string' || error.message.includes(code)) return error.message || String(code);
    return `${code}: ${error.message}`;
  }
  return String(error);
}

function truncate(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
