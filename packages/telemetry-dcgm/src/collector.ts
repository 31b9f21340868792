// Scrapes DCGM exporters at a fixed interval and keeps every per-GPU record.
import { createRunClock, type RunClock } from '@aiperf/stats';
import { createIntervalLoop } from './interval-loop.js';
import { newEndpointStatus, neverReachableWarning, recordOutcome, type EndpointStatus } from './endpoint-state.js';
import type { GpuTelemetryRecord } from './gpu-records.js';
import { scrapeDcgmEndpoint } from './scrape.js';
import { uniqueUrls } from './urls.js';

export const DEFAULT_INTERVAL_MS = 333;
export const DEFAULT_FETCH_TIMEOUT_MS = 2_000;

export interface DcgmCollectorOptions {
  /** Scrape URLs (already normalized); failures are warned about once per endpoint. */
  urls: readonly string[];
  /** Probed by the first scrape and dropped silently when it fails (the default localhost exporters). */
  optionalUrls?: readonly string[];
  intervalMs?: number;
  fetchTimeoutMs?: number;
  /** Stamps each record at parse time; defaults to wall-clock epoch ns advanced by a monotonic clock. */
  clock?: RunClock;
  /** Receives each warning line; defaults to stderr. */
  onWarning?: (line: string) => void;
}

export interface DcgmCollector extends AsyncIterable<GpuTelemetryRecord> {
  /** Scrapes every endpoint once (so the run starts with a baseline), then keeps scraping every interval. */
  start(): Promise<void>;
  /** Stops scraping, aborts scrapes in flight and ends every `samples()` iteration. */
  stop(): Promise<void>;
  /** Every record from the start, then new ones as they arrive, until `stop()`. */
  samples(): AsyncIterableIterator<GpuTelemetryRecord>;
  /** Records collected so far, in arrival order. */
  records(): readonly GpuTelemetryRecord[];
  /** The newest record of each GPU (by exporter URL and GPU index), in first-seen order: the live views' feed. */
  latest(): GpuTelemetryRecord[];
  endpoints(): readonly EndpointStatus[];
}

export function createDcgmCollector(options: DcgmCollectorOptions): DcgmCollector {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  if (!(intervalMs > 0)) throw new Error(`createDcgmCollector: intervalMs must be > 0, got ${intervalMs}`);
  const fetchTimeoutMs = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const clock = options.clock ?? createRunClock();
  const warn = options.onWarning ?? ((line: string) => process.stderr.write(`${line}\n`));
  const statuses = buildStatuses(options.urls, options.optionalUrls ?? []);
  const records: GpuTelemetryRecord[] = [];
  const latest = new Map<string, GpuTelemetryRecord>();
  let waiters: Array<() => void> = [];
  let state: 'idle' | 'running' | 'stopped' = 'idle';

  const wake = (): void => {
    const current = waiters;
    waiters = [];
    for (const resolve of current) resolve();
  };

  const loop = createIntervalLoop<EndpointStatus>({
    intervalMs,
    endpoints: () => statuses.filter((status) => status.state !== 'dropped'),
    keyOf: (status) => status.url,
    scrape: async (status, signal) => {
      const outcome = await scrapeDcgmEndpoint(status.url, clock, fetchTimeoutMs, signal);
      if (state === 'stopped') return; // aborted by stop(): neither data nor a failure
      const warning = recordOutcome(status, outcome);
      if (warning) warn(warning);
      if (outcome.kind === 'ok' && outcome.records.length > 0) {
        records.push(...outcome.records);
        for (const record of outcome.records) latest.set(`${record.dcgmUrl}#${record.gpuIndex}`, record);
        wake();
      }
    },
  });

  async function* samples(): AsyncIterableIterator<GpuTelemetryRecord> {
    let next = 0;
    for (;;) {
      while (next < records.length) yield records[next++] as GpuTelemetryRecord;
      if (state === 'stopped') return;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  return {
    async start() {
      if (state !== 'idle') throw new Error('createDcgmCollector: start() may be called once');
      state = 'running';
      await loop.start();
    },
    async stop() {
      if (state === 'stopped') return;
      const wasRunning = state === 'running';
      state = 'stopped';
      await loop.stop();
      wake();
      if (!wasRunning) return;
      for (const status of statuses) {
        const warning = neverReachableWarning(status);
        if (warning) warn(warning);
      }
    },
    samples,
    [Symbol.asyncIterator]: samples,
    records: () => records,
    latest: () => [...latest.values()],
    endpoints: () => statuses,
  };
}

function buildStatuses(urls: readonly string[], optionalUrls: readonly string[]): EndpointStatus[] {
  const required = new Set(urls);
  // Defaults first, then the user's, deduped in order; a URL the user named is never optional.
  return uniqueUrls([...optionalUrls, ...urls]).map((url) => newEndpointStatus(url, !required.has(url)));
}
