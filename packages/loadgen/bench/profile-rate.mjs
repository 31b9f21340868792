// Client CPU per request on the request-rate path: aiperf's engine, non-streaming at 64 connections, against the
// zero-latency mock in its own process, next to a minimal undici client (one Pool, `dispatch` with a raw handler
// that discards the body) in the same run. CPU per request (process.cpuUsage, all threads) depends far less on
// other processes' load than req/s does, and the undici figure from the same minute calibrates it. aiperf's
// figure is its profiling phase only (client_health CPU × duration), so start-up is not in it. Under
// `node --cpu-prof` it gives a profile per thread (on a loaded machine the profile's times are closer to wall
// time than CPU time): `node --cpu-prof --cpu-prof-dir=prof packages/loadgen/bench/profile-rate.mjs 20000 1`
// (requests, worker threads; omit the second for the default; a third argument `aiperf` skips the undici client).
// AIPERF_BENCH_ROUNDS=n runs aiperf n times in this one process: the first run also compiles the hot code (V8's
// compiler threads took ~20 µs/request of a fresh 20k-request run), later ones are warm, as the ratio bench's are.
// On Linux each run also splits its CPU into the main thread and the others (V8's compiler and GC helpers, libuv's
// file-write pool), from /proc at the kernel's 10 ms tick.
import { readdirSync, rmSync } from 'node:fs';
import { Pool } from 'undici';
import { chatBody } from './raw-client.mjs';
import { benchConfig, benchOptions, cpuMsOf, loadgenUnderTest, quietIo, round, startMockProcess } from './support.mjs';

// AIPERF_LOADGEN=<path to a dist/index.js> measures another build of the package (see loadgenUnderTest).
const { runProfile } = await loadgenUnderTest();
const requests = Number(process.argv[2] ?? 20000);
const workers = process.argv[3] === undefined || process.argv[3] === 'default' ? null : Number(process.argv[3]);
const onlyAiperf = process.argv[4] === 'aiperf';

/** CPU ms so far per thread of this process (Linux; empty elsewhere), keyed by thread id. */
function threadCpuMs() {
  try {
    return new Map(
      readdirSync('/proc/self/task')
        .map((tid) => [tid, cpuMsOf(`/proc/self/task/${tid}/stat`)])
        .filter(([, ms]) => ms !== null), // a thread that ended since the listing
    );
  } catch {
    return new Map();
  }
}

/** Main-thread and other threads' CPU µs per request between two `threadCpuMs()` readings. */
function threadSplit(before, after, count) {
  if (after.size === 0) return '';
  let main = 0;
  let others = 0;
  for (const [tid, ms] of after) {
    const used = ms - (before.get(tid) ?? 0);
    if (tid === String(process.pid)) main += used;
    else others += used;
  }
  return `; by thread (whole run, 10 ms ticks): main ${round((main * 1000) / count, 1)}, others ${round((others * 1000) / count, 1)} µs/request`;
}

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
const config = benchConfig({
  url: mock.url,
  load: { concurrency: 64, requestCount: requests, warmupRequestCount: 64, workers },
  endpoint: { streaming: false },
});
try {
  const raw = onlyAiperf ? null : await rawUndiciCpu(mock.url);
  for (let runIndex = 1; runIndex <= Number(process.env.AIPERF_BENCH_ROUNDS ?? 1); runIndex++) {
    const threads0 = threadCpuMs();
    const cpu0 = process.cpuUsage();
    const run = await runProfile(config, quietIo(), benchOptions());
    const cpu = process.cpuUsage(cpu0);
    const split = threadSplit(threads0, threadCpuMs(), requests);
    const rate = run.summary.request_throughput?.avg ?? NaN;
    const phaseCpuUs = (run.summary.client_health.cpu_percent * 1e4) / rate;
    const whole = (cpu.user + cpu.system) / requests;
    const vsRaw = raw
      ? `; undici dispatch ${round(raw.cpuUs, 1)} µs/request at ${round(raw.rate, 0)} req/s → aiperf/undici CPU ${round(phaseCpuUs / raw.cpuUs, 2)}`
      : '';
    console.log(
      `run ${runIndex}, ${requests} requests, workers ${workers ?? 'default'}: aiperf ${round(phaseCpuUs, 1)} µs/request in the profiling phase (${round(whole, 1)} with start-up and exports) at ${round(rate, 0)} req/s${vsRaw}${split}; errors ${run.errorRequestCount}`,
    );
  }
} finally {
  await mock.stop();
  rmSync(config.output.artifactDir, { recursive: true, force: true });
}
