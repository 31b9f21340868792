// Highest request rate the client sustains against the mock server (TTFT 0, one output token): constant
// arrivals for 2 s per step (after 0.5 s of warmup at the same rate), doubling until a step's median send lateness exceeds 1 ms, its achieved rate
// falls below 95% of the target, or it sees errors. (p99 lateness is reported too: on a shared machine it is
// dominated by the OS withholding the CPU, visible as every thread stalling at once.) Writes bench/results/loadgen-max-rate.json.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { percentileOfSorted, runProfile } from '@aiperf/loadgen';
import { benchConfig, quietIo, round, startMockProcess, writeResult } from './support.mjs';

const STEP_SECONDS = 2;
const RATES = [250, 500, 1000, 2000, 4000, 8000, 16000];

const mock = await startMockProcess({ ttftMs: 0, itlMs: 0 });
const steps = [];
let sustained = 0;
try {
  for (const rate of RATES) {
    const config = benchConfig({
      url: mock.url,
      load: { mode: 'request_rate', requestRate: rate, arrivalPattern: 'constant', concurrency: null, requestCount: null, benchmarkDurationSeconds: STEP_SECONDS, warmupRequestCount: Math.ceil(rate / 2) },
      input: { inputTokens: { mean: 16, stddev: 0 }, outputTokens: { mean: 1, stddev: 0 } },
    });
    const mockCpuBefore = mock.cpuMs();
    const run = await runProfile(config, quietIo());
    const sent = run.successfulRequestCount + run.errorRequestCount;
    const late = run.summary.late_request_count?.avg ?? 0;
    const achieved = run.summary.request_throughput?.avg ?? 0;
    const latenessMs = readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n')
      .map((line) => {
        const m = line.match(/"request_start_ns":(\d+).*"credit_issued_ns":(\d+)/);
        return Number(BigInt(m[1]) - BigInt(m[2])) / 1e6;
      })
      .sort((a, b) => a - b);
    const p50 = percentileOfSorted(latenessMs, 50);
    const p99 = percentileOfSorted(latenessMs, 99);
    const ok = run.errorRequestCount === 0 && p50 <= 1 && achieved >= 0.95 * rate;
    const step = {
      targetRate: rate, sent, expected: rate * STEP_SECONDS, lateOver1ms: late, sendLatenessMsP50: round(p50, 3), sendLatenessMsP99: round(p99, 3), errors: run.errorRequestCount,
      achievedRate: round(achieved, 1), mockCpuShare: mockCpuBefore === null ? null : round((mock.cpuMs() - mockCpuBefore) / (STEP_SECONDS * 1000), 2), sustained: ok,
    };
    steps.push(step);
    console.log(`${rate} req/s: sent ${sent}/${rate * STEP_SECONDS}, late>1ms ${late}, lateness p50 ${step.sendLatenessMsP50} ms p99 ${step.sendLatenessMsP99} ms, errors ${step.errors}, achieved ${step.achievedRate} req/s, mock CPU ${step.mockCpuShare} cores → ${ok ? 'sustained' : 'NOT sustained'}`);
    if (!ok) break;
    sustained = rate;
  }
} finally {
  await mock.stop();
}
const path = writeResult('loadgen-max-rate', { stepSeconds: STEP_SECONDS, workers: availableParallelism(), highestSustainedRate: sustained, steps });
console.log(`highest sustained rate: ${sustained} req/s → ${path}`);
