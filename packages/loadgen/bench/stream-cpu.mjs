// Client CPU per streamed request (µs), aiperf and the raw undici client, at N streams in step (TTFT 50 ms, ITL
// 20 ms): each client's process CPU over a long run minus a short one, divided by the extra requests, so set-up
// (threads, connections, tokenizer) cancels out. Unlike latency this hardly depends on the machine's load, so it
// is the number to watch while working on the client. It is not a fair main loop vs thread comparison: each
// thread run starts a fresh isolate that compiles the issuing code again, while main-loop runs reuse the process's
// already compiled code (measured 970 against 395 µs at 100 streams where fresh processes gave 521 against 512):
// compare those with profile-streams.mjs (AIPERF_BENCH_THREAD=1 for one issuing thread), one run per process.
// `node packages/loadgen/bench/stream-cpu.mjs 1000 [workers]`.
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentileOfSorted } from '@aiperf/loadgen';
import { rawStreamingTtfts } from './raw-client.mjs';
import { aiperfBodies, benchConfig, benchOptions, loadgenUnderTest, quietIo, round, startMockProcess } from './support.mjs';

// AIPERF_LOADGEN=<path to a dist/index.js> measures another build of the package (see loadgenUnderTest).
const { runProfile } = await loadgenUnderTest();
const streams = Number(process.argv[2] ?? 1000);
const workers = process.argv[3] === undefined ? null : Number(process.argv[3]);
const SHORT = 1;
const LONG = Number(process.env.WAVES ?? 5);
const cpuMs = (work) => async () => {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return { result, cpuMs: (used.user + used.system) / 1000 };
};
const REPEATS = Number(process.env.REPEATS ?? 2);
/** The median over REPEATS pairs of (long run − short run) CPU per extra request. */
const perRequestUs = async (run) => {
  const samples = [];
  let result;
  for (let i = 0; i < REPEATS; i++) {
    const short = await cpuMs(() => run(SHORT * streams))();
    const long = await cpuMs(() => run(LONG * streams))();
    samples.push(((long.cpuMs - short.cpuMs) * 1000) / ((LONG - SHORT) * streams));
    result = long.result;
  }
  samples.sort((a, b) => a - b);
  return { us: round(samples[samples.length >> 1], 1), samples: samples.map((s) => round(s, 0)), result };
};
const overheads = (ttfts) => {
  const sorted = Float64Array.from(ttfts, (ms) => ms - 50).sort();
  return `p50/p99 ${round(percentileOfSorted(sorted, 50), 1)}/${round(percentileOfSorted(sorted, 99), 1)} ms`;
};

const mock = await startMockProcess({ ttftMs: 50, itlMs: 20 });
try {
  const config = (requests) => benchConfig({ url: mock.url, load: { concurrency: streams, requestCount: requests, warmupRequestCount: streams, ...(workers ? { workers } : {}) } });
  const aiperf = (requests) => runProfile(config(requests), quietIo(), benchOptions());
  const bodies = await aiperfBodies(runProfile, config(streams)); // also loads modules and the tokenizer once
  const raw = await perRequestUs((requests) => rawStreamingTtfts({ url: mock.url, concurrency: streams, requests, bodies }));
  const ours = await perRequestUs(aiperf);
  const lines = readFileSync(join(ours.result.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
  const ttfts = lines.map((line) => JSON.parse(line).metrics.time_to_first_token.value);
  console.log(`${streams} streams (workers ${workers ?? 'default'}), load ${round(loadavg()[0], 1)}: CPU per request raw ${raw.us} µs ${JSON.stringify(raw.samples)}, aiperf ${ours.us} µs ${JSON.stringify(ours.samples)} (${round(ours.us / raw.us, 2)}×); TTFT − 50 raw ${overheads(raw.result)}, aiperf ${overheads(ttfts)}; client ${JSON.stringify(ours.result.summary.client_health.threads.map((t) => [t.thread.slice(0, 8), round(t.event_loop_delay_p99_ms, 1), round(t.busy_percent, 0)]))}`);
} finally {
  await mock.stop();
}
