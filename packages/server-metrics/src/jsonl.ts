// server_metrics_export.jsonl: one line per successful scrape of an endpoint, every series as served
// (counters raw, not deltas), in AIPerf's shape. Written while the run goes, so it costs no memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Exposition } from './exposition.js';
import { boundKey } from '@aiperf/stats';

export interface ScrapeLine {
  endpointUrl: string;
  timestampNs: bigint;
  latencyNs: number;
  exposition: Exposition;
}

export function scrapeToJsonLine(scrape: ScrapeLine): string {
  const metrics: Record<string, unknown[]> = {};
  for (const family of scrape.exposition.families.values()) {
    const withLabels = (labels: Record<string, string>) => (Object.keys(labels).length > 0 ? { labels } : {});
    metrics[family.name] = [
      ...family.scalars.map((point) => ({ ...withLabels(point.labels), value: point.value })),
      ...family.histograms.map((point) => ({
        ...withLabels(point.labels),
        buckets: Object.fromEntries(point.bounds.map((bound, i) => [boundKey(bound), point.counts[i]])),
        sum: point.sum,
        count: point.count,
      })),
    ];
  }
  const rest = JSON.stringify({ endpoint_url: scrape.endpointUrl, endpoint_latency_ns: Math.round(scrape.latencyNs), metrics });
  // timestamp_ns is written from the bigint so it keeps all its digits.
  return `{"timestamp_ns":${scrape.timestampNs.toString()},${rest.slice(1)}`;
}

/** Appends lines to a file; `close()` resolves when everything is on disk. */
export class JsonlWriter {
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  lines = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  write(line: string): void {
    if (this.failure) return;
    this.stream.write(`${line}\n`);
    this.lines += 1;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.stream.end(() => (this.failure ? reject(this.failure) : resolve()));
    });
  }
}
