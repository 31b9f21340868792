// Aggregate request rate and open streams of 1, 2 and 4 shard processes (`aiperf profile --shard i/N`, merged by
// `aiperf merge`) against one process at the same total load, on this machine, the mock server included (it shares
// the cores, so this shows where one machine saturates, not what N machines reach). Two loads, each for DURATION s:
// - rate: concurrency 256, TTFT 0, one output token: requests/s the client(s) complete;
// - streams: concurrency 2,000 streams of 40 tokens 50 ms apart (2 s each): streams held open (throughput × latency).
// Writes bench/results/merge-shards.json.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, round, startMockProcess, writeResult } from '../../loadgen/bench/support.mjs';

const BIN = join(ROOT, 'apps/cli/dist/bin.js');
const DURATION = 6;
const LOADS = {
  rate: { mock: { ttftMs: 0, itlMs: 0 }, args: ['--concurrency', '256', '--osl', '1'] },
  streams: { mock: { ttftMs: 0, itlMs: 50 }, args: ['--concurrency', '2000', '--osl', '40'] },
};

function run(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function measure(url, load, processes) {
  const dir = mkdtempSync(join(tmpdir(), 'aiperf-shards-bench-'));
  try {
    const args = ['profile', '-m', 'mock', '-u', url, '--streaming', ...load.args, '--benchmark-duration', String(DURATION), '--benchmark-grace-period', '5',
      '--isl', '16', '--extra-inputs', 'ignore_eos:true', '--tokenizer', 'builtin', '--ui', 'none', '--no-gpu-telemetry', '--no-server-metrics', '--random-seed', '1'];
    let summaryPath;
    if (processes === 0) {
      const one = await run([...args, '--artifact-dir', join(dir, 'one')]);
      if (one.code !== 0) throw new Error(one.stderr);
      summaryPath = join(dir, 'one', 'profile_export_aiperf.json');
    } else {
      const runs = await Promise.all(Array.from({ length: processes }, (_, i) =>
        run([...args, '--artifact-dir', join(dir, 'sharded'), '--shard-barrier-dir', join(dir, 'barrier')], { JOB_COMPLETION_INDEX: String(i), AIPERF_SHARD_COUNT: String(processes) })));
      for (const r of runs) if (r.code !== 0) throw new Error(r.stderr);
      const merged = await run(['merge', join(dir, 'sharded'), '-o', join(dir, 'merged')]);
      if (merged.code !== 0) throw new Error(merged.stderr);
      summaryPath = join(dir, 'merged', 'profile_export_aiperf.json');
    }
    const s = JSON.parse(readFileSync(summaryPath, 'utf8'));
    const rate = s.request_throughput?.avg ?? 0;
    const latencyS = (s.request_latency?.avg ?? 0) / 1000;
    return { processes: processes === 0 ? '1 (no shards)' : processes, requestsPerSecond: round(rate, 1), openStreams: round(rate * latencyS, 0),
      ttftP50Ms: round(s.time_to_first_token?.p50 ?? 0, 1), requests: s.request_count?.avg ?? 0, errors: s.error_request_count?.avg ?? 0, loadAverage: round(loadavg()[0], 1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = {};
for (const [name, load] of Object.entries(LOADS)) {
  const mock = await startMockProcess(load.mock);
  try {
    results[name] = [];
    for (const processes of [0, 1, 2, 4]) {
      const row = await measure(mock.url, load, processes);
      results[name].push(row);
      console.log(`${name}: ${row.processes} process(es): ${row.requestsPerSecond} req/s, ${row.openStreams} open streams, TTFT p50 ${row.ttftP50Ms} ms, ${row.errors} errors (load average ${row.loadAverage})`);
    }
  } finally {
    await mock.stop();
  }
}
console.log(`→ ${writeResult('merge-shards', { durationSeconds: DURATION, results })}`);
