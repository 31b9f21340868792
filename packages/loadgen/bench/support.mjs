// Shared by the loadgen benchmarks: a mock server in its own process (so it does not share the client's
// event loop), a BenchmarkConfig builder, and result writing.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { defaultConfig } from '@aiperf/config';

export const ROOT = new URL('../../../', import.meta.url).pathname;

// Every artifact directory a bench run makes, removed when the bench process exits (a ratio bench makes ~30).
const artifactDirs = [];
process.once('exit', () => {
  for (const dir of artifactDirs) rmSync(dir, { recursive: true, force: true });
});
/** A new temp directory for one run's artifacts, removed at exit. */
function artifactDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  artifactDirs.push(dir);
  return dir;
}

/**
 * Runs `node <args>` as a server process: it prints its URL as its first line of output and closes when its stdin
 * ends. Resolves with that URL, the child's pid and a stop function.
 */
export function startServerProcess(args) {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk) => {
      resolve({
        url: String(chunk).trim(),
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            child.once('exit', done);
            child.stdin.end();
          }),
      });
    });
  });
}

/** Starts `startMockServer(options)` in a child process; resolves with its URL and a stop function. */
export async function startMockProcess(options) {
  const entry = import.meta.resolve('@aiperf/mock-server');
  const code = `import { startMockServer } from ${JSON.stringify(entry)};
const s = await startMockServer(${JSON.stringify({ port: 0, ...options })});
process.stdout.write(s.url + '\\n');
process.stdin.on('end', () => s.close().then(() => process.exit(0))); process.stdin.resume();`;
  const server = await startServerProcess(['--input-type=module', '-e', code]);
  // CPU time (ms) the mock has used so far (Linux /proc), to tell whether the server saturates: the whole process
  // (its GC and compiler threads too), or its main thread alone, the one that serves every request (from its
  // schedstat, in ns: the stat file's 10 ms ticks are too coarse for a 1 s round's share).
  const mainThreadSchedstat = `/proc/${server.pid}/task/${server.pid}/schedstat`;
  return {
    ...server,
    cpuMs: () => cpuMsOf(`/proc/${server.pid}/stat`),
    mainThreadSchedstatMs: () => schedstatMsOf(mainThreadSchedstat),
  };
}

/** CPU ms a process or thread has used so far, from its /proc `stat` file (Linux); null where it cannot be read. */
export function cpuMsOf(statPath) {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // After the command name, which is in parentheses and may hold spaces and parentheses itself.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime in clock ticks (100 Hz)
  } catch {
    return null;
  }
}

/**
 * ms a thread has spent so far [on a core, runnable but waiting for one], from its /proc `schedstat` file (Linux;
 * its first two fields, ns); null where it cannot be read. A server thread that waits so is held back by other
 * threads on its core, not by a client that is slow to send.
 */
export function schedstatMsOf(schedstatPath) {
  try {
    const [runningNs, waitingNs] = readFileSync(schedstatPath, 'utf8').split(' ');
    return [Number(runningNs) / 1e6, Number(waitingNs) / 1e6];
  } catch {
    return null;
  }
}

/**
 * Samples `msSoFar()` (times so far, ms: a thread's [running, waiting] from schedstatMsOf) every 50 ms until the
 * returned function is called, which gives each one's share of wall time (%) over the samples between the first
 * and last four: the middle of a run, without its first and last 200 ms (aiperf's warm-up and exports, autocannon's
 * first connections), so a 1 s round still has a window of ~0.6 s. null when the run was too short (under ~0.5 s)
 * or there is no /proc.
 */
export function sampleTimeShares(msSoFar) {
  const samples = [];
  const timer = setInterval(() => samples.push([performance.now(), msSoFar()]), 50);
  return () => {
    clearInterval(timer);
    const middle = samples.slice(4, -4);
    if (middle.length < 2 || middle[0][1] === null) return null;
    const [[startMs, startSoFarMs], [endMs, endSoFarMs]] = [middle[0], middle.at(-1)];
    return endSoFarMs.map((endOfOneMs, i) => ((endOfOneMs - startSoFarMs[i]) / (endMs - startMs)) * 100);
  };
}

/**
 * The loadgen package a profiling script measures, set up as `aiperf profile` sets up its process (V8's allocation-site
 * pretenuring off). AIPERF_LOADGEN=<path to a dist/index.js> measures another build instead, for an A/B against a
 * baseline; a build from before `disableAllocationSitePretenuring` existed runs without it.
 */
export async function loadgenUnderTest() {
  const loadgen = await import(process.env.AIPERF_LOADGEN ?? '@aiperf/loadgen');
  loadgen.disableAllocationSitePretenuring?.();
  return loadgen;
}

/** A complete config from the schema's defaults (so benches follow the schema), with the bench's overrides. */
export function benchConfig({ url, load = {}, input = {}, endpoint = {} }) {
  const defaults = defaultConfig(['mock-model']).benchmark;
  return {
    ...defaults,
    endpoint: { ...defaults.endpoint, url, streaming: true, extraInputs: { ignore_eos: true }, timeoutSeconds: 60, ...endpoint },
    load: { ...defaults.load, concurrency: 1, requestCount: 100, warmupRequestCount: 0, ...load },
    input: { ...defaults.input, inputTokens: { mean: 64, stddev: 0 }, outputTokens: { mean: 4, stddev: 0 }, randomSeed: 1, ...input },
    output: { ...defaults.output, artifactDir: artifactDir('aiperf-bench-'), artifactDirExplicit: true },
    ...(defaults.serverMetrics ? { serverMetrics: { ...defaults.serverMetrics, enabled: false } } : {}),
    ...(defaults.telemetry ? { telemetry: { ...defaults.telemetry, gpuTelemetry: null } } : {}),
    ui: process.env.AIPERF_BENCH_UI ?? 'none',
  };
}

/**
 * The request bodies an aiperf run with `config` sends, in dataset order (from the inputs.json of a one-request
 * run): a baseline client sends these, so the server parses and tokenizes the same prompts for both.
 */
export async function aiperfBodies(runProfile, config) {
  const run = await runOneRequest(runProfile, config, 'aiperf-bench-bodies-');
  const inputs = JSON.parse(readFileSync(join(run.artifactDir, 'inputs.json'), 'utf8'));
  return inputs.data.map((entry) => JSON.stringify(entry.payloads[0]));
}

/** An aiperf run of `config` that sends one request (no warm-up) and writes its artifacts to a new temp directory. */
function runOneRequest(runProfile, config, artifactPrefix, endpoint = config.endpoint) {
  const output = { ...config.output, artifactDir: artifactDir(artifactPrefix) };
  const load = { ...config.load, concurrency: 1, requestCount: 1, warmupRequestCount: 0 };
  return runProfile({ ...config, endpoint, output, load }, quietIo());
}

/**
 * runProfile's options for a bench: with AIPERF_BENCH_THREAD=1, a sidecar that does nothing but occupy the main
 * loop's slot for one, so the run issues from one worker thread as a default run does (it scrapes the server's
 * /metrics), instead of from the main loop: `AIPERF_BENCH_THREAD=1 node …/profile-rate.mjs 20000` measures that path.
 */
export function benchOptions() {
  if (process.env.AIPERF_BENCH_THREAD !== '1') return {};
  return { sidecars: [{ name: 'bench-busy-main-loop', start: async () => {}, stop: async () => ({}) }] };
}

/** Headers a baseline client sets itself from the URL and the body, so they are left out of aiperfHeaders. */
const CLIENT_SET_HEADERS = new Set(['host', 'content-length']);

/**
 * The headers of one request an aiperf run with `config` sends (its own, on the wire: content type, accept,
 * connection, its request and correlation ids), minus host and content-length, which a baseline client sets for
 * itself: a baseline sends these, so the server parses as many header bytes and lines for both clients. The ids
 * are this one request's: the server does the same work whatever their value, only their length counts.
 */
export async function aiperfHeaders(runProfile, config) {
  let captured = null;
  const server = createServer((request, response) => {
    captured ??= request.rawHeaders;
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          id: 'capture',
          object: 'chat.completion',
          created: 0,
          model: 'mock-model',
          choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${server.address().port}`;
    await runOneRequest(runProfile, config, 'aiperf-bench-headers-', { ...config.endpoint, url });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (captured === null) throw new Error('aiperf sent no request to the header capture server');
  const headers = {};
  for (let i = 0; i < captured.length; i += 2) if (!CLIENT_SET_HEADERS.has(captured[i].toLowerCase())) headers[captured[i]] = captured[i + 1];
  return headers;
}

/**
 * A distribution-free ~95% confidence interval for the median of `values`: [x(k), x(n−k+1)] of the sorted values,
 * with k the largest order such that fewer than k of n values fall below the true median with probability ≤ 2.5%
 * (binomial with p = ½). Its coverage is at least 95% (96.1% for 9 values, 96.5% for 15); null below 6 values,
 * where even the whole range covers less. It says how far one run's median of rounds can be trusted.
 */
export function medianConfidence95(values) {
  const n = values.length;
  let below = 0; // P(Binomial(n, ½) ≤ k − 1), built up term by term
  let term = 0.5 ** n; // P(Binomial(n, ½) = 0)
  let k = 0;
  while (k < n && below + term <= 0.025) {
    below += term;
    term = (term * (n - k)) / (k + 1);
    k += 1;
  }
  if (k === 0) return null;
  const sortedValues = Float64Array.from(values).sort();
  return [sortedValues[k - 1], sortedValues[n - k]];
}

// What the bench's runs have written to stderr so far: a bench makes hundreds of runs, and each would repeat the same
// warnings (no tokenizer for the mock's model, the mock's usage against the client's counts) between the rows.
const stderrSeen = new Set();
const stderrOnce = new Writable({
  write(chunk, _encoding, callback) {
    const text = String(chunk);
    if (!stderrSeen.has(text)) process.stderr.write(text);
    stderrSeen.add(text);
    callback();
  },
});

/** A ProfileIo that discards the console report and writes each distinct warning once per process. */
export const quietIo = () => ({ stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: stderrOnce });

export function writeResult(name, result) {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ benchmark: name, date: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`);
  return path;
}

export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The machine's CPU time so far (Linux /proc/stat, all cores, clock ticks): steal, idle, total; null elsewhere. */
export function hostCpuTicks() {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { steal, idle: idle + iowait, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return null;
  }
}

/**
 * The shares of the machine's CPU time between two hostCpuTicks() readings: `stealPercent` is time a virtual
 * machine's cores were runnable but the hypervisor ran another guest (this machine's neighbours), the noise no
 * load average shows; `idlePercent` is time nothing here wanted a core.
 */
export function hostShares(before, after) {
  if (!before || !after || after.total === before.total) return null;
  const total = after.total - before.total;
  return { stealPercent: round(((after.steal - before.steal) / total) * 100, 1), idlePercent: round(((after.idle - before.idle) / total) * 100, 1) };
}
