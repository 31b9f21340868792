// How fast can the mock server emit? One client process (undici, keep-alive) against the server in a
// second process: streamed tokens/s with zero latency, non-streaming requests/s, and how well it keeps
// a 5 ms ITL schedule for many concurrent streams. Writes bench/results/mock-server.json at the repo root.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';

const DURATION_MS = Number(process.env.MOCK_BENCH_DURATION_MS ?? 5000);
const resultsDir = new URL('../../../bench/results/', import.meta.url);

async function startServer(options) {
  const child = fork(new URL('./serve.mjs', import.meta.url), [JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const [line] = await once(child.stdout, 'data');
  const { url } = JSON.parse(line.toString());
  const cpuMs = async () => {
    child.send('cpu');
    const [message] = await once(child, 'message');
    return message.cpuMs;
  };
  return { url, cpuMs, stop: async () => (child.send('stop'), await once(child, 'exit')) };
}

/** Runs `concurrency` request loops for DURATION_MS; each loop awaits `one()`, which returns tokens received. */
async function drive(pool, concurrency, one) {
  const endMs = performance.now() + DURATION_MS;
  let requests = 0;
  let tokens = 0;
  const startMs = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < endMs) {
        // Not `tokens += await …`: that reads `tokens` before the await and loses other loops' counts.
        const received = await one(pool);
        tokens += received;
        requests += 1;
      }
    }),
  );
  const seconds = (performance.now() - startMs) / 1000;
  return { requests, tokens, seconds, requestsPerSecond: requests / seconds, tokensPerSecond: tokens / seconds };
}

const body = (stream, maxTokens) =>
  JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'hello' }], stream, max_tokens: maxTokens, ignore_eos: true });

/**
 * One streamed request: counts `data:` events that carry a token (all but [DONE]); when `itlsMs` is
 * given, records the stream's mean gap between its first and last read.
 */
function streamOnce(maxTokens, itlsMs) {
  const payload = body(true, maxTokens);
  return async (pool) => {
    const response = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    let events = 0;
    let firstMs = 0;
    let lastMs = 0;
    for await (const chunk of response.body) {
      lastMs = performance.now();
      if (events === 0) firstMs = lastMs;
      for (let index = chunk.indexOf('\n\n'); index >= 0; index = chunk.indexOf('\n\n', index + 2)) events += 1;
    }
    if (itlsMs && events > 2) itlsMs.push((lastMs - firstMs) / (events - 2));
    return events - 1;
  };
}

function requestOnce(maxTokens) {
  const payload = body(false, maxTokens);
  return async (pool) => {
    const response = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
    const json = await response.body.json();
    return json.usage.completion_tokens;
  };
}

async function scenario(name, serverOptions, concurrency, one) {
  const server = await startServer(serverOptions);
  const pool = new Pool(server.url, { connections: concurrency, pipelining: 1 });
  await drive(pool, Math.min(concurrency, 8), one).catch(() => {}); // warm-up (JIT)
  const cpuBeforeMs = await server.cpuMs();
  const result = await drive(pool, concurrency, one);
  const serverCpuMs = (await server.cpuMs()) - cpuBeforeMs;
  await pool.close();
  await server.stop();
  const summary = { name, concurrency, serverOptions, ...result, serverCpuShare: serverCpuMs / (result.seconds * 1000) };
  console.log(
    `${name.padEnd(34)} ${summary.tokensPerSecond.toFixed(0).padStart(8)} tok/s ${summary.requestsPerSecond.toFixed(0).padStart(7)} req/s` +
      `  server CPU ${(summary.serverCpuShare * 100).toFixed(0)}% of a core`,
  );
  return summary;
}

const scenarios = [];
scenarios.push(await scenario('streaming, 0 ms ITL, 32 streams', { ttftMs: 0, itlMs: 0 }, 32, streamOnce(256)));
scenarios.push(await scenario('non-streaming, 0 ms, 32 in flight', { ttftMs: 0, itlMs: 0 }, 32, requestOnce(16)));
// 200 streams at 5 ms ITL (40 000 tok/s asked for): does the server keep the schedule?
const itlsMs = [];
const paced = await scenario('streaming, 5 ms ITL, 200 streams', { ttftMs: 0, itlMs: 5 }, 200, streamOnce(200, itlsMs));
itlsMs.sort((a, b) => a - b);
paced.configuredItlMs = 5;
paced.measuredMeanItlMs = itlsMs.reduce((sum, value) => sum + value, 0) / itlsMs.length;
paced.measuredP99StreamItlMs = itlsMs[Math.floor(itlsMs.length * 0.99)];
console.log(`  paced: mean ITL per stream ${paced.measuredMeanItlMs.toFixed(3)} ms (p99 of streams ${paced.measuredP99StreamItlMs.toFixed(3)} ms) for 5 ms configured`);
scenarios.push(paced);

mkdirSync(resultsDir, { recursive: true });
const result = {
  name: 'mock-server',
  date: new Date().toISOString(),
  node: process.version,
  cpus: availableParallelism(),
  durationMsPerScenario: DURATION_MS,
  client: 'one process, undici Pool (keep-alive, one connection per concurrent request)',
  streamedTokensPerSecond: scenarios[0].tokensPerSecond,
  requestsPerSecond: scenarios[1].requestsPerSecond,
  scenarios,
};
writeFileSync(new URL('mock-server.json', resultsDir), `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote bench/results/mock-server.json`);
