// Fidelity: what the client measures minus what really happened, per request, against @aiperf/sse-test-server
// in its own process (it logs when it really wrote each chunk, from the request's arrival). TTFT, ITL and
// request latency at 1, 100 and 1000 concurrent streams; p50/p99 of measured − true. TTFT and latency include
// the request's way to the server (send → the server's request event), so a busy server or machine shows up
// there; first-to-last-token span and ITL do not. The server sends a
// role-only chunk, the content, a finish-only chunk, usage 50 ms later and [DONE] 20 ms after that, so
// request latency must end at the last content chunk. Writes bench/results/loadgen-fidelity.json.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentileOfSorted, runProfile } from '@aiperf/loadgen';
import { benchConfig, quietIo, round, writeResult } from './support.mjs';

const PLAN = { ttftMs: 100, itlMs: 40, contentChunks: 12, pingComments: false, emptyDeltas: false, usageDelayMs: 50, doneDelayMs: 20 };
const CASES = [
  { streams: 1, requests: 100 },
  { streams: 100, requests: 500 },
  { streams: 1000, requests: 2000 },
];

function startServerProcess(plan) {
  const entry = import.meta.resolve('@aiperf/sse-test-server');
  const code = `import { startTimedSseServer } from ${JSON.stringify(entry)};
const s = await startTimedSseServer(${JSON.stringify({ plan, precise: false })});
process.stdout.write(s.url + '\\n');
process.stdin.on('end', () => s.close().then(() => process.exit(0))); process.stdin.resume();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk) =>
      resolve({ url: String(chunk).trim(), stop: () => new Promise((done) => { child.once('exit', done); child.stdin.end(); }) }),
    );
  });
}

const stats = (values) => {
  const sorted = Float64Array.from(values).sort();
  return { p50: round(percentileOfSorted(sorted, 50), 3), p99: round(percentileOfSorted(sorted, 99), 3), max: round(sorted[sorted.length - 1], 3) };
};

const results = [];
for (const { streams, requests } of CASES) {
  const server = await startServerProcess(PLAN);
  try {
    const config = benchConfig({
      url: server.url,
      load: { concurrency: streams, requestCount: requests, warmupRequestCount: 0 },
      input: { outputTokens: { mean: PLAN.contentChunks, stddev: 0 }, tokenizer: 'builtin' },
    });
    await runProfile(config, quietIo());
    const truths = new Map((await (await fetch(`${server.url}/truths`)).json()).map((t) => [t.requestId, t]));
    const lines = readFileSync(join(config.output.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
    const diff = { ttft: [], itl: [], latency: [], span: [] };
    for (const line of lines) {
      const record = JSON.parse(line);
      const truth = truths.get(record.metadata.x_request_id);
      if (!truth || record.error) continue;
      diff.ttft.push(record.metrics.time_to_first_token.value - truth.ttftMs);
      diff.itl.push(record.metrics.inter_token_latency.value - truth.itlMs);
      diff.latency.push(record.metrics.request_latency.value - truth.lastContentMs);
      // First token → last token: independent of how long the request took to reach the server.
      diff.span.push(record.metrics.request_latency.value - record.metrics.time_to_first_token.value - (truth.lastContentMs - truth.ttftMs));
    }
    const row = { streams, requests, measured: diff.ttft.length, ttftErrorMs: stats(diff.ttft), itlErrorMs: stats(diff.itl), latencyErrorMs: stats(diff.latency), spanErrorMs: stats(diff.span) };
    console.log(JSON.stringify(row));
    results.push(row);
  } finally {
    await server.stop();
  }
}
console.log(`wrote ${writeResult('loadgen-fidelity', { plan: PLAN, cases: results })}`);
