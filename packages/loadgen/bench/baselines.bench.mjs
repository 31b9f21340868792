// The ratio table: aiperf against baselines, in one run against the same mock endpoint (the mock in its own process):
// - request rate, non-streaming, 64 connections, zero-latency mock: aiperf / autocannon (goal ≥ 0.95);
// - TTFT overhead (measured − configured 50 ms), streaming at 100 and 1,000 streams in step: aiperf / a minimal
//   undici client, p50 and p99 (goal ≤ 1.1);
// plus the client's own event-loop delay and CPU as aiperf reports them, and the machine's load average at the
// start and end of each row (a shared machine makes every latency row noisy). `pnpm bench ratios` runs just this
// (well under 3 minutes on an idle machine). Writes bench/results/loadgen-baselines.json.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { percentileOfSorted, runProfile } from '@aiperf/loadgen';
import { autocannonRate, rawStreamingTtfts } from './raw-client.mjs';
import { aiperfBodies, benchConfig, quietIo, round, startMockProcess, writeResult } from './support.mjs';

const RATE_SECONDS = Number(process.env.AIPERF_BENCH_SECONDS ?? 5);
const TTFT_MS = 50;
const sorted = (values) => Float64Array.from(values).sort();
const p = (values, q) => percentileOfSorted(values, q);
const jsonl = (run) => readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
const clientHealth = (run) => run.summary.client_health ?? null;
const load1 = () => round(loadavg()[0], 1);

async function requestRate() {
  const loadAtStart = load1();
  const mock = await startMockProcess({ ttftMs: 0, itlMs: 0 });
  try {
    const baseline = await autocannonRate({ url: mock.url, connections: 64, seconds: RATE_SECONDS });
    const config = benchConfig({
      url: mock.url,
      // As many requests as autocannon managed in its run, so both run about as long (count-bound rather than
      // duration-bound, which the same script can then also measure on builds before the duration fix).
      load: { concurrency: 64, requestCount: Math.max(640, Math.round(baseline.requests)), warmupRequestCount: 64 },
      endpoint: { streaming: false },
    });
    const run = await runProfile(config, quietIo());
    if (run.errorRequestCount > 0) throw new Error(`aiperf saw ${run.errorRequestCount} errors`);
    const aiperf = run.summary.request_throughput.avg;
    const row = { autocannonRate: round(baseline.ratePerSecond, 0), aiperfRate: round(aiperf, 0), ratio: round(aiperf / baseline.ratePerSecond, 3), goal: '≥ 0.95', loadAverage: [loadAtStart, load1()], client: clientHealth(run) };
    console.log(`request rate (64 connections, non-streaming): autocannon ${row.autocannonRate} req/s, aiperf ${row.aiperfRate} req/s → ${row.ratio} (goal ${row.goal}; load average ${row.loadAverage.join(' → ')})`);
    return row;
  } finally {
    await mock.stop();
  }
}

async function ttftOverhead(mock, streams, requests) {
  const config = benchConfig({ url: mock.url, load: { concurrency: streams, requestCount: requests, warmupRequestCount: streams } });
  // The raw client sends aiperf's own bodies (same prompts, same max tokens), so the mock does the same work for both.
  const bodies = await aiperfBodies(runProfile, config);
  const loadAtStart = load1();
  const raw = sorted((await rawStreamingTtfts({ url: mock.url, concurrency: streams, requests, bodies })).map((ms) => ms - TTFT_MS));
  const run = await runProfile(config, quietIo());
  const ours = sorted(jsonl(run).map((line) => JSON.parse(line).metrics.time_to_first_token.value - TTFT_MS));
  const row = {
    streams, requests,
    rawOverheadMs: { p50: round(p(raw, 50), 2), p99: round(p(raw, 99), 2) },
    aiperfOverheadMs: { p50: round(p(ours, 50), 2), p99: round(p(ours, 99), 2) },
    ratioP50: round(p(ours, 50) / p(raw, 50), 2),
    ratioP99: round(p(ours, 99) / p(raw, 99), 2),
    goal: '≤ 1.1',
    loadAverage: [loadAtStart, load1()],
    client: clientHealth(run),
  };
  console.log(`TTFT − ${TTFT_MS} ms at ${streams} streams: raw undici p50/p99 ${row.rawOverheadMs.p50}/${row.rawOverheadMs.p99} ms, aiperf ${row.aiperfOverheadMs.p50}/${row.aiperfOverheadMs.p99} ms → ${row.ratioP50}/${row.ratioP99} (goal ${row.goal}; load average ${row.loadAverage.join(' → ')})`);
  return row;
}

const rate = await requestRate();
const mock = await startMockProcess({ ttftMs: TTFT_MS, itlMs: 20 });
const ttft = [];
try {
  ttft.push(await ttftOverhead(mock, 100, 500));
  ttft.push(await ttftOverhead(mock, 1000, 3000));
} finally {
  await mock.stop();
}
const path = writeResult('loadgen-baselines', { cores: availableParallelism(), requestRate: rate, ttftOverhead: ttft });
console.log(`→ ${path}`);
