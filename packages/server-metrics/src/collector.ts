// Scrapes inference servers' /metrics at a fixed interval into the compact store (and the raw JSONL file).
// Failures are counted and warned about once per endpoint and kind; nothing here can fail the run.
import { createIntervalLoop, fetchText, type IntervalLoop } from '@aiperf/telemetry-dcgm';
import { newEndpointStatus, neverReachedWarning, recordFailure, recordSuccess, type EndpointStatus } from './endpoint-state.js';
import { parseExposition } from './exposition.js';
import type { JsonlWriter } from './jsonl.js';
import { scrapeToJsonLine } from './jsonl.js';
import { liveServerReading } from './live-reading.js';
import { MetricsStore } from './store.js';
import type { LiveServerReading } from '@aiperf/loadgen';

export const DEFAULT_SERVER_METRICS_INTERVAL_MS = 333;
export const DEFAULT_SERVER_METRICS_TIMEOUT_MS = 2_000;

export interface RunClock {
  nowEpochNs(): bigint;
}

export interface ServerMetricsCollectorOptions {
  /** URLs the user named (`--server-metrics`); failures are warned about. */
  urls: readonly string[];
  /** `<endpoint url>/metrics` of each inference URL: dropped silently when the first scrape fails. */
  optionalUrls?: readonly string[];
  intervalMs?: number;
  /** Per scrape; a slower endpoint is cut off and counted, and skips ticks instead of piling up requests. */
  fetchTimeoutMs?: number;
  maxBodyBytes?: number;
  clock: RunClock;
  warn: (line: string) => void;
  /** Raw scrapes go here as they arrive (the `jsonl` format). */
  jsonl?: JsonlWriter;
}

export interface ServerMetricsCollector {
  readonly store: MetricsStore;
  /** The newest scrape of each endpoint that answered, reduced for the live views. */
  latest(): LiveServerReading[];
  endpoints(): readonly EndpointStatus[];
  start(): Promise<void>;
  /** Takes a final scrape (the end state after the last request), then stops. */
  stop(): Promise<void>;
}

export function createServerMetricsCollector(options: ServerMetricsCollectorOptions): ServerMetricsCollector {
  const store = new MetricsStore();
  const required = new Set(options.urls);
  const statuses = [...new Set([...(options.optionalUrls ?? []), ...options.urls])].map((url) => newEndpointStatus(url, !required.has(url)));
  const timeoutMs = options.fetchTimeoutMs ?? DEFAULT_SERVER_METRICS_TIMEOUT_MS;
  let stopped = false;
  const latest = new Map<string, LiveServerReading>();

  const scrape = async (status: EndpointStatus, signal: AbortSignal): Promise<void> => {
    const sentNs = options.clock.nowEpochNs();
    const fetched = await fetchText(status.url, timeoutMs, signal, options.maxBodyBytes);
    if (stopped && signal.aborted) return; // cut short by stop(): neither data nor a failure
    const timestampNs = options.clock.nowEpochNs();
    status.firstFetchNs ??= sentNs;
    status.lastFetchNs = sentNs;
    if (fetched.kind !== 'ok') {
      const kind = fetched.kind === 'too-large' ? 'too-large' : fetched.timedOut ? 'timeout' : 'unreachable';
      report(recordFailure(status, kind, fetched.message));
      return;
    }
    const exposition = parseExposition(fetched.body);
    if (exposition.families.size === 0) {
      const first = exposition.issues.firstMalformed;
      const why = first ? `line ${first.lineNumber}: ${first.reason}` : 'no metric samples';
      report(recordFailure(status, 'not-prometheus', why));
      return;
    }
    const latencyNs = Number(timestampNs - sentNs);
    status.fetchLatencyNsTotal += latencyNs;
    if (fetched.body !== status.lastBody) status.uniqueUpdates += 1;
    status.lastBody = fetched.body;
    store.add(status.url, timestampNs, exposition);
    latest.set(status.url, liveServerReading(status.url, exposition));
    options.jsonl?.write(scrapeToJsonLine({ endpointUrl: status.url, timestampNs, latencyNs, exposition }));
    report(recordSuccess(status, exposition.issues));
  };

  const report = (line: string | undefined): void => {
    if (line) options.warn(line);
  };

  const loop: IntervalLoop = createIntervalLoop<EndpointStatus>({
    intervalMs: options.intervalMs ?? DEFAULT_SERVER_METRICS_INTERVAL_MS,
    endpoints: () => statuses.filter((status) => status.state !== 'dropped'),
    keyOf: (status) => status.url,
    scrape,
  });

  return {
    store,
    latest: () => [...latest.values()],
    endpoints: () => statuses,
    start: () => loop.start(),
    async stop() {
      if (stopped) return;
      await loop.tickNow();
      stopped = true;
      await loop.stop();
      for (const status of statuses) {
        status.lastBody = null; // only needed to count unique updates while scraping
        report(neverReachedWarning(status));
      }
    },
  };
}
