// Where a streaming run's client time goes: runs `aiperf`'s engine at N streams in step (concurrency mode, TTFT
// 50 ms, ITL 20 ms) against the mock in its own process. Run it under `node --cpu-prof` to get a profile per
// thread: `node --cpu-prof --cpu-prof-dir=prof packages/loadgen/bench/profile-streams.mjs 1000 2`
// (streams, worker threads: the default when left out; WAVES=n sends n requests per stream, default 3). Prints the
// TTFT overhead and the client's own load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { percentileOfSorted } from '@aiperf/loadgen';
import { benchConfig, benchOptions, loadgenUnderTest, quietIo, round, startMockProcess } from './support.mjs';

// AIPERF_LOADGEN=<path to a dist/index.js> measures another build of the package (see loadgenUnderTest).
const { runProfile } = await loadgenUnderTest();
const streams = Number(process.argv[2] ?? 1000);
const workers = process.argv[3] === undefined ? null : Number(process.argv[3]);
const mock = await startMockProcess({ ttftMs: 50, itlMs: 20 });
try {
  const config = benchConfig({ url: mock.url, load: { concurrency: streams, requestCount: streams * Number(process.env.WAVES ?? 3), warmupRequestCount: streams, workers } });
  const run = await runProfile(config, quietIo(), benchOptions());
  const lines = readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
  const overheads = Float64Array.from(lines, (line) => JSON.parse(line).metrics.time_to_first_token.value - 50).sort();
  // The client's CPU (all threads) per request over the profiling phase, in a fresh process as a real run is.
  const cpuUs = (run.summary.client_health.cpu_percent * 1e4) / run.summary.request_throughput.avg;
  console.log(`${streams} streams, ${workers ?? 'default'} workers, load ${round(loadavg()[0], 1)}: client CPU ${round(cpuUs, 1)} µs/request; TTFT − 50 ms p50 ${round(percentileOfSorted(overheads, 50))} ms, p99 ${round(percentileOfSorted(overheads, 99))} ms`);
  console.log(JSON.stringify(run.summary.client_health));
} finally {
  await mock.stop();
}
