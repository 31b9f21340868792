// Client CPU per request on the request-rate path: aiperf's engine, non-streaming at 64 connections, against the
// zero-latency mock in its own process, next to a minimal undici client (one Pool, `dispatch` with a raw handler
// that discards the body) in the same run. CPU per request (process.cpuUsage, all threads) depends far less on
// other processes' load than req/s does, and the undici figure from the same minute calibrates it. aiperf's
// figure is its profiling phase only (client_health CPU × duration), so start-up is not in it. Under
// `node --cpu-prof` it gives a profile per thread (on a loaded machine the profile's times are closer to wall
// time than CPU time): `node --cpu-prof --cpu-prof-dir=prof packages/loadgen/bench/profile-rate.mjs 20000 1`
// (requests, worker threads; omit the second for the default; a third argument `aiperf` skips the undici client).
import { rmSync } from 'node:fs';
import { Pool } from 'undici';
import { chatBody } from './raw-client.mjs';
import { benchConfig, benchOptions, quietIo, round, startMockProcess } from './support.mjs';

// AIPERF_LOADGEN=<path to a dist/index.js> measures another build of the package (an A/B against a baseline).
const { runProfile } = await import(process.env.AIPERF_LOADGEN ?? '@aiperf/loadgen');
const requests = Number(process.argv[2] ?? 20000);
const workers = process.argv[3] === undefined || process.argv[3] === 'default' ? null : Number(process.argv[3]);
const onlyAiperf = process.argv[4] === 'aiperf';

/** `requests` non-streaming requests over 64 keep-alive connections through undici's dispatch; CPU µs per request. */
async function rawUndiciCpu(url) {
  const pool = new Pool(url, { connections: 64, pipelining: 1 });
  const body = chatBody({ streaming: false });
  const one = () =>
    new Promise((resolve, reject) => {
      pool.dispatch(
        { path: '/v1/chat/completions', method: 'POST', headers: { 'content-type': 'application/json' }, body },
        { onRequestStart() {}, onResponseStart() {}, onResponseData() {}, onResponseEnd: resolve, onResponseError: (_c, e) => reject(e) },
      );
    });
  const run = async (count) => {
    let issued = 0;
    const loop = async () => {
      while (issued++ < count) await one();
    };
    await Promise.all(Array.from({ length: 64 }, loop));
  };
  await run(640);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run(requests);
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  await pool.close();
  return { cpuUs: (cpu.user + cpu.system) / requests, rate: requests / seconds };
}

const mock = await startMockProcess({ ttftMs: 0, itlMs: 0 });
const config = benchConfig({ url: mock.url, load: { concurrency: 64, requestCount: requests, warmupRequestCount: 64, workers }, endpoint: { streaming: false } });
try {
  const raw = onlyAiperf ? null : await rawUndiciCpu(mock.url);
  const cpu0 = process.cpuUsage();
  const run = await runProfile(config, quietIo(), benchOptions());
  const cpu = process.cpuUsage(cpu0);
  const rate = run.summary.request_throughput?.avg ?? NaN;
  const phaseCpuUs = (run.summary.client_health.cpu_percent * 1e4) / rate;
  const whole = (cpu.user + cpu.system) / requests;
  const vsRaw = raw ? `; undici dispatch ${round(raw.cpuUs, 1)} µs/request at ${round(raw.rate, 0)} req/s → aiperf/undici CPU ${round(phaseCpuUs / raw.cpuUs, 2)}` : '';
  console.log(`${requests} requests, workers ${workers ?? 'default'}: aiperf ${round(phaseCpuUs, 1)} µs/request in the profiling phase (${round(whole, 1)} with start-up and exports) at ${round(rate, 0)} req/s${vsRaw}; errors ${run.errorRequestCount}`);
} finally {
  await mock.stop();
  rmSync(config.output.artifactDir, { recursive: true, force: true });
}
