// Send lateness of a Poisson schedule at 500 and 2,000 req/s (how late each request left against its scheduled
// time; aiperf alone: no baseline schedules sends). Zero-latency mock in its own process, one output token.
// Writes bench/results/loadgen-send-lateness.json.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { percentileOfSorted, runProfile } from '@aiperf/loadgen';
import { benchConfig, quietIo, round, startMockProcess, writeResult } from './support.mjs';

const SECONDS = Number(process.env.AIPERF_BENCH_SECONDS ?? 5);
const load1 = () => round(loadavg()[0], 1);

async function sendLateness(mock, rate) {
  const loadAtStart = load1();
  const config = benchConfig({
    url: mock.url,
    load: { mode: 'request_rate', requestRate: rate, arrivalPattern: 'poisson', concurrency: null, requestCount: null, benchmarkDurationSeconds: SECONDS, warmupRequestCount: Math.ceil(rate / 2) },
    input: { outputTokens: { mean: 1, stddev: 0 } },
  });
  const run = await runProfile(config, quietIo());
  const lines = readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
  const latenessMs = Float64Array.from(lines, (line) => {
    const m = line.match(/"request_start_ns":(\d+).*"credit_issued_ns":(\d+)/);
    return Number(BigInt(m[1]) - BigInt(m[2])) / 1e6;
  }).sort();
  const row = {
    rate, sent: latenessMs.length,
    latenessMsP50: round(percentileOfSorted(latenessMs, 50), 3), latenessMsP99: round(percentileOfSorted(latenessMs, 99), 3),
    achievedRate: round(run.summary.request_throughput.avg, 1), loadAverage: [loadAtStart, load1()], client: run.summary.client_health ?? null,
  };
  console.log(`Poisson ${rate} req/s: sent ${row.sent}, send lateness p50 ${row.latenessMsP50} ms, p99 ${row.latenessMsP99} ms, achieved ${row.achievedRate} req/s (load average ${row.loadAverage.join(' → ')})`);
  return row;
}

const mock = await startMockProcess({ ttftMs: 0, itlMs: 0 });
const rows = [];
try {
  for (const rate of [500, 2000]) rows.push(await sendLateness(mock, rate));
} finally {
  await mock.stop();
}
console.log(`→ ${writeResult('loadgen-send-lateness', { sendLateness: rows })}`);
