// Client-side overhead: measured TTFT minus the mock server's configured TTFT, at 1, 100 and 1000 concurrent
// streams. The mock runs in its own process; its own scheduling delay is included in the number (an upper bound
// on the client's share). Concurrency mode sends in waves (every stream has the same latency, so 100 requests
// leave together); at 1000 streams such a wave is a burst of 1000 sends that a small machine needs ~0.5 s of CPU
// for, so that case is also measured with ~1000 streams open in steady state: 460 req/s (capped at 1000 in flight) with a
// 2 s TTFT (per-request `x-mock-ttft-ms` header); 100 streams are measured both ways. Warmup opens the
// connections first. Writes bench/results/loadgen-overhead.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { runProfile, percentileOfSorted } from '@aiperf/loadgen';
import { benchConfig, quietIo, round, startMockProcess, writeResult } from './support.mjs';

const TTFT_MS = 50;
const ITL_MS = 20;
const CORES = availableParallelism();
// Each load once from the main event loop (workers 1) and once from one worker thread per core, to show
// that spreading the client over threads keeps the timing precision.
const CASES = [
  { concurrency: 1, requests: 100, workers: 1, ttftMs: TTFT_MS },
  { concurrency: 100, requests: 1000, workers: 1, ttftMs: TTFT_MS },
  { concurrency: 100, requests: 1000, workers: CORES, ttftMs: TTFT_MS },
  { concurrency: 100, requests: 300, workers: CORES, ttftMs: 2000, rate: 46 },
  { concurrency: 1000, requests: 3000, workers: CORES, ttftMs: 2000 },
  { concurrency: 1000, requests: 3000, workers: 1, ttftMs: 2000, rate: 460 },
  { concurrency: 1000, requests: 3000, workers: CORES, ttftMs: 2000, rate: 460 },
];

const mock = await startMockProcess({ ttftMs: TTFT_MS, itlMs: ITL_MS });
const results = [];
try {
  for (const { concurrency, requests, workers, ttftMs, rate } of CASES) {
    const config = benchConfig({
      url: mock.url,
      load: rate
        ? { mode: 'request_rate', requestRate: rate, arrivalPattern: 'constant', concurrency, requestCount: requests, warmupRequestCount: rate, workers }
        : { concurrency, requestCount: requests, warmupRequestCount: concurrency, workers },
      input: { outputTokens: { mean: 4, stddev: 0 } },
      endpoint: { headers: { 'x-mock-ttft-ms': String(ttftMs) } },
    });
    const cpuBefore = process.cpuUsage();
    const mockCpuBefore = mock.cpuMs();
    const run = await runProfile(config, quietIo());
    const cpu = process.cpuUsage(cpuBefore);
    const totalRequests = requests + (rate ?? concurrency);
    const lines = readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
    const overheads = lines
      .map((line) => JSON.parse(line).metrics.time_to_first_token?.value)
      .filter((v) => v !== undefined)
      .map((ttft) => ttft - ttftMs)
      .sort((a, b) => a - b);
    const itl = lines.map((line) => JSON.parse(line).metrics.inter_token_latency?.value).filter((v) => v !== undefined).sort((a, b) => a - b);
    const row = {
      concurrency,
      workers,
      ttftMs,
      ...(rate ? { steadyStateRate: rate } : {}),
      requests,
      errors: run.errorRequestCount,
      overheadMsP50: round(percentileOfSorted(overheads, 50), 3),
      overheadMsP99: round(percentileOfSorted(overheads, 99), 3),
      itlAvgMs: round(run.summary.inter_token_latency.avg, 3),
      itlMsP99: round(percentileOfSorted(itl, 99), 3),
      requestThroughput: round(run.summary.request_throughput.avg, 1),
      // CPU per request (warmup included; startup too, which weighs on the small case): the client's own cost
      // next to the server's, independent of how busy the machine is.
      clientCpuUsPerRequest: Math.round(((cpu.user + cpu.system) / totalRequests)),
      mockCpuUsPerRequest: mockCpuBefore === null ? null : Math.round(((mock.cpuMs() - mockCpuBefore) * 1000) / totalRequests),
    };
    results.push(row);
    console.log(`concurrency ${concurrency}${rate ? ` (steady ${rate} req/s)` : ' (waves)'}, ${workers} worker(s): TTFT overhead p50 ${row.overheadMsP50} ms, p99 ${row.overheadMsP99} ms, ITL avg ${row.itlAvgMs} ms (configured ${ITL_MS}), errors ${row.errors}, CPU/request client ${row.clientCpuUsPerRequest} µs vs mock ${row.mockCpuUsPerRequest} µs`);
  }
} finally {
  await mock.stop();
}
const path = writeResult('loadgen-overhead', {
  loadAverageAtEnd: (await import('node:os')).loadavg()[0], configured: { ttftMs: TTFT_MS, itlMs: ITL_MS, outputTokens: 4 }, cores: CORES, cases: results });
console.log(`→ ${path}`);
