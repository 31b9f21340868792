// Client-side overhead: measured TTFT minus the mock server's configured TTFT, at 1, 100 and 1000 concurrent
// streams. The mock runs in its own process; its own scheduling delay is included in the number (an upper bound
// on the client's share). Writes bench/results/loadgen-overhead.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { runProfile, percentileOfSorted } from '@aiperf/loadgen';
import { benchConfig, quietIo, round, startMockProcess, writeResult } from './support.mjs';

const TTFT_MS = 50;
const ITL_MS = 20;
const CASES = [
  { concurrency: 1, requests: 100 },
  { concurrency: 100, requests: 1000 },
  { concurrency: 1000, requests: 3000 },
];

const mock = await startMockProcess({ ttftMs: TTFT_MS, itlMs: ITL_MS });
const results = [];
try {
  for (const { concurrency, requests } of CASES) {
    const config = benchConfig({
      url: mock.url,
      load: { concurrency, requestCount: requests, warmupRequestCount: Math.min(concurrency, 200) },
      input: { outputTokens: { mean: 4, stddev: 0 } },
    });
    const run = await runProfile(config, quietIo());
    const lines = readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
    const overheads = lines
      .map((line) => JSON.parse(line).metrics.time_to_first_token?.value)
      .filter((v) => v !== undefined)
      .map((ttft) => ttft - TTFT_MS)
      .sort((a, b) => a - b);
    const row = {
      concurrency,
      requests,
      errors: run.errorRequestCount,
      overheadMsP50: round(percentileOfSorted(overheads, 50), 3),
      overheadMsP99: round(percentileOfSorted(overheads, 99), 3),
      itlAvgMs: round(run.summary.inter_token_latency.avg, 3),
      requestThroughput: round(run.summary.request_throughput.avg, 1),
    };
    results.push(row);
    console.log(`concurrency ${concurrency}: TTFT overhead p50 ${row.overheadMsP50} ms, p99 ${row.overheadMsP99} ms, ITL avg ${row.itlAvgMs} ms (configured ${ITL_MS}), errors ${row.errors}`);
  }
} finally {
  await mock.stop();
}
const path = writeResult('loadgen-overhead', { configured: { ttftMs: TTFT_MS, itlMs: ITL_MS, outputTokens: 4 }, workers: availableParallelism(), cases: results });
console.log(`→ ${path}`);
