// The ratio table: aiperf against baselines, in one run against the same mock endpoint (the mock in its own process):
// - request rate, non-streaming, 64 connections, zero-latency mock: aiperf / autocannon (goal ≥ 0.95), and the same
//   pair again with the client process and the mock on cores of their own (taskset; not a goal row);
// - TTFT overhead (measured − configured 50 ms), streaming at 100 and 1,000 streams in step: aiperf / a minimal
//   undici client, p50 and p99 (goal ≤ 1.1), against the mock and against a server with exact timing and almost
//   no work per request (exact-server.mjs), where what is left of the overhead is the client's own;
// plus the client's own event-loop delay and CPU as aiperf reports them, and the machine's load average at the
// start and end of each row (a shared machine makes every latency row noisy). `pnpm bench ratios` runs just this
// (about 10 minutes on an idle machine). Writes bench/results/loadgen-baselines.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IssuerThreadPool, disableAllocationSitePretenuring, percentileOfSorted, runProfile } from '@aiperf/loadgen';
import { startExactServerProcess } from './exact-server.mjs';
import { autocannonRate, rawStreamingTtfts } from './raw-client.mjs';
import {
  aiperfBodies,
  aiperfHeaders,
  benchConfig,
  hostCpuTicks,
  hostShares,
  medianConfidence95,
  quietIo,
  round,
  sampleTimeShares,
  startMockProcess,
  writeResult,
} from './support.mjs';

// The rate row's rounds: many short ones. This host's speed drifts within seconds (the mock's CPU per request under
// autocannon alone moved between 119 and 182 µs over fifteen 3 s rounds, a trivial node:http server's between 20
// and 28 µs, while a loop of plain arithmetic kept within 2%), so each round's ratio scatters (0.67–1.35) whatever
// its length, and only more rounds narrow the median. 60 rounds of 1 s, in about the time 15 of 3 s take, gave
// intervals of 0.97–1.08, 0.94–1.04, 1.02–1.07 and 0.98–1.07 in four runs; 15 of 3 s gave 0.82–1.24, 0.74–1.08
// and 0.94–1.15.
const RATE_SECONDS = Number(process.env.AIPERF_BENCH_SECONDS ?? 1);
const WARMUP_SECONDS = 2;
// One pair of runs is not a measurement on 2 cores shared with the mock: three back-to-back idle runs of the
// same code gave rate ratios of 0.72, 0.90 and 1.10 (autocannon alone moved between 2,528 and 4,317 req/s). So
// each row runs its pair ROUNDS times, alternating which client goes first, and reports the median with a 95%
// confidence interval for it (medianConfidence95). Sixty: with 9 rounds the TTFT rows' medians still moved by
// 0.3–0.5 between runs (the mock at 1,000 streams: 1.63 and 0.90 in two runs an hour apart), with 15 their
// intervals were 0.4–1.1 wide, with 30 still 0.2–0.35 wide against the mock, whose rows sit near the goal. An
// interval narrows as 1/√rounds, and a TTFT round takes a second or two: 60 cost ~2 minutes more than 30.
const ROUNDS = Number(process.env.AIPERF_BENCH_ROUNDS ?? 60);
const RATE_ROUNDS = Number(process.env.AIPERF_BENCH_RATE_ROUNDS ?? 60);
// With the client and the mock on cores of their own the rounds scatter less, so fewer of them do (a quarter as
// many, and never under nine, the fewest whose median has a 95% interval narrower than all of them).
const SEPARATE_CORES_ROUNDS = Math.max(9, Math.ceil(RATE_ROUNDS / 4));
// As `aiperf profile` does before its runs (for the whole process, so for the baselines too).
disableAllocationSitePretenuring();
const TTFT_MS = 50;
const sorted = (values) => Float64Array.from(values).sort();
const p = (values, q) => percentileOfSorted(values, q);
const median = (values) => p(sorted(values), 50);
/** The middle half of the rounds' ratios, [25th, 75th percentile]: how much single rounds scatter. */
const interquartile = (values) => {
  const s = sorted(values);
  return [round(p(s, 25), 3), round(p(s, 75), 3)];
};
/** The rounds' median ratio's 95% confidence interval, rounded; null with too few rounds. */
const confidence95 = (values) => medianConfidence95(values)?.map((x) => round(x, 3)) ?? null;
const jsonl = (run) => readFileSync(join(run.artifactDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
const clientHealth = (run) => run.summary.client_health ?? null;
const load1 = () => round(loadavg()[0], 1);

/** `count` rounds of the baseline and aiperf, alternating which runs first; each round's results as [baseline, aiperf]. */
async function alternatingRounds(baseline, aiperf, count = ROUNDS) {
  const rounds = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const b = await baseline();
      rounds.push([b, await aiperf()]);
    } else {
      const a = await aiperf();
      rounds.push([await baseline(), a]);
    }
  }
  return rounds;
}

/** This process's allowed CPUs as `taskset` lists them ("0-1", "0,2-3"), from /proc (Linux); null elsewhere. */
function allowedCpus() {
  try {
    return /Cpus_allowed_list:\s*(\S+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The CPU ids in a `taskset` list. */
const cpuIds = (list) =>
  list.split(',').flatMap((range) => {
    const [first, last = first] = range.split('-').map(Number);
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  });

// This process's CPUs as it started, to restore after the pinned rounds. Not availableParallelism(): it counts the
// CPUs a process may use now, so read while pinned it gave one, the "restore" pinned everything after it to one core
// (the TTFT rows of two runs ran that way before this was found).
const STARTING_CPUS = allowedCpus();

/**
 * Pins this process (every thread) to the first CPU it started with and the mock's to the second, or (`false`)
 * gives both back every CPU this process started with. Returns false where that is not possible (not Linux, no
 * taskset, one CPU); throws if the restore did not take, so no later row runs pinned.
 */
function pin(mockPid, pinned) {
  if (process.platform !== 'linux' || STARTING_CPUS === null) return false;
  const [clientCpu, serverCpu] = cpuIds(STARTING_CPUS);
  if (serverCpu === undefined) return false;
  try {
    execFileSync('taskset', ['-a', '-pc', pinned ? String(serverCpu) : STARTING_CPUS, String(mockPid)], { stdio: 'ignore' });
    execFileSync('taskset', ['-a', '-pc', pinned ? String(clientCpu) : STARTING_CPUS, String(process.pid)], { stdio: 'ignore' });
  } catch {
    if (pinned) pin(mockPid, false);
    return false;
  }
  if (!pinned && allowedCpus() !== STARTING_CPUS) throw new Error(`could not give this process its CPUs back (${allowedCpus()} instead of ${STARTING_CPUS})`);
  return true;
}

/** `count` alternating rounds of autocannon and aiperf against `mock`, summed up as one row's numbers. */
async function rateRounds({ mock, body, headers, config }, count) {
  // aiperf runs as many requests as autocannon's latest run managed, so both run about as long.
  let requestCount = Math.round(RATE_SECONDS * 1000);
  let health = null;
  // The mock's CPU share while each client ran (its CPU ms over the measured window): near 100% under both means
  // the server, not the client, set the rate; a client in the way would leave the server idle part of the time.
  // The share of its main thread, which serves every request, says it more exactly than the whole process's (GC
  // and compiler threads add to that): sampled over the middle of each run.
  const busyPercent = (cpuMsBefore, windowMs) => ((mock.cpuMs() - cpuMsBefore) / windowMs) * 100;
  // And the share of the time its main thread was ready to run but waited for a core: threads of the client's
  // (or the mock's own GC helpers) on its core. A client that keeps the server waiting for requests lowers the busy
  // share and not this one; a client whose threads take the server's core raises this one.
  const sampleMainThread = () => {
    const shares = sampleTimeShares(mock.mainThreadSchedstatMs);
    return () => {
      const [busy, waiting] = shares() ?? [Number.NaN, Number.NaN];
      return { serverMainThreadBusy: busy, serverMainThreadWaiting: waiting };
    };
  };
  const rounds = await alternatingRounds(
    async () => {
      const before = mock.cpuMs();
      const mainThread = sampleMainThread();
      const result = await autocannonRate({ url: mock.url, connections: 64, seconds: RATE_SECONDS, body, headers });
      requestCount = Math.max(640, Math.round(result.requests));
      return { rate: result.ratePerSecond, serverBusy: busyPercent(before, RATE_SECONDS * 1000), ...mainThread() };
    },
    async () => {
      const before = mock.cpuMs();
      const mainThread = sampleMainThread();
      const run = await runProfile(config(requestCount), quietIo());
      if (run.errorRequestCount > 0) throw new Error(`aiperf saw ${run.errorRequestCount} errors`);
      health = clientHealth(run);
      // The profiling phase's length; the warm-up's 64 requests before it add well under 1% to the mock's CPU.
      const rate = run.summary.request_throughput.avg;
      return { rate, serverBusy: busyPercent(before, (run.successfulRequestCount / rate) * 1000), ...mainThread() };
    },
    count,
  );
  const ratios = rounds.map(([autocannon, aiperf]) => aiperf.rate / autocannon.rate);
  const medianOf = (side, field, digits) => round(median(rounds.map((pair) => pair[side][field])), digits);
  return {
    autocannonRate: medianOf(0, 'rate', 0),
    aiperfRate: medianOf(1, 'rate', 0),
    ratio: round(median(ratios), 3),
    ratioInterquartile: interquartile(ratios),
    ratioConfidence95: confidence95(ratios),
    serverBusyPercent: { autocannon: medianOf(0, 'serverBusy', 0), aiperf: medianOf(1, 'serverBusy', 0) },
    serverMainThreadBusyPercent: { autocannon: medianOf(0, 'serverMainThreadBusy', 1), aiperf: medianOf(1, 'serverMainThreadBusy', 1) },
    serverMainThreadWaitingPercent: { autocannon: medianOf(0, 'serverMainThreadWaiting', 1), aiperf: medianOf(1, 'serverMainThreadWaiting', 1) },
    autocannonHeaders: Object.keys(headers),
    roundCount: count,
    rounds: rounds.map(([autocannon, aiperf], i) => ({
      autocannon: round(autocannon.rate, 0),
      aiperf: round(aiperf.rate, 0),
      ratio: round(ratios[i], 3),
      serverBusyAutocannon: round(autocannon.serverBusy, 0),
      serverBusyAiperf: round(aiperf.serverBusy, 0),
      serverMainThreadBusyAutocannon: round(autocannon.serverMainThreadBusy, 1),
      serverMainThreadBusyAiperf: round(aiperf.serverMainThreadBusy, 1),
      serverMainThreadWaitingAutocannon: round(autocannon.serverMainThreadWaiting, 1),
      serverMainThreadWaitingAiperf: round(aiperf.serverMainThreadWaiting, 1),
    })),
    client: health,
  };
}

const describeRate = (label, row) =>
  `request rate (64 connections, non-streaming${label}), median of ${row.roundCount} rounds: autocannon ${row.autocannonRate} req/s, aiperf ${row.aiperfRate} req/s → ${row.ratio} (95% CI ${row.ratioConfidence95?.join('–') ?? 'n/a'}; rounds ${row.rounds.map((r) => round(r.ratio, 2)).join(', ')}; mock CPU ${row.serverBusyPercent.autocannon}% under autocannon, ${row.serverBusyPercent.aiperf}% under aiperf, its main thread busy ${row.serverMainThreadBusyPercent.autocannon}% and ${row.serverMainThreadBusyPercent.aiperf}%, waiting for a core ${row.serverMainThreadWaitingPercent.autocannon}% and ${row.serverMainThreadWaitingPercent.aiperf}%)`;

async function requestRate() {
  const loadAtStart = load1();
  const mock = await startMockProcess({ ttftMs: 0, itlMs: 0 });
  const ticksAtStart = hostCpuTicks();
  try {
    const config = (requestCount) =>
      benchConfig({ url: mock.url, load: { concurrency: 64, requestCount, warmupRequestCount: 64 }, endpoint: { streaming: false } });
    // autocannon sends aiperf's own (non-streaming) request, body and headers, so the mock does the same work for
    // both. The headers matter: aiperf's (accept, connection, its request and correlation ids) cost the mock ~5%
    // more CPU per request than autocannon's default two, and cut autocannon's rate by about as much (three runs
    // of 40 paired 0.6 s rounds: mock CPU ×1.064, ×1.016, ×1.091; rate ×0.949, ×1.003, ×0.916). Before, the row
    // compared aiperf's heavier request with autocannon's lighter one.
    const [body] = await aiperfBodies(runProfile, config(1));
    const headers = await aiperfHeaders(runProfile, config(1));
    // One unmeasured run of each client first, the same length: the mock's JIT is warm for both, and each client's
    // own code is compiled before its first measured round (autocannon's always was; aiperf's first round used to
    // run its hot path half-compiled: ~60% more client CPU per request than its later rounds, profile-rate.mjs).
    const warmup = await autocannonRate({ url: mock.url, connections: 64, seconds: WARMUP_SECONDS, body, headers });
    await runProfile(config(Math.max(640, warmup.requests)), quietIo());
    const setup = { mock, body, headers, config };
    const row = {
      ...(await rateRounds(setup, RATE_ROUNDS)),
      goal: '≥ 0.95',
      loadAverage: [loadAtStart, load1()],
      host: hostShares(ticksAtStart, hostCpuTicks()),
    };
    console.log(
      `${describeRate('', row)}; goal ${row.goal}; load average ${row.loadAverage.join(' → ')}${row.host ? `, host steal ${row.host.stealPercent}%` : ''}`,
    );
    // The same pair with the client process on core 0 and the mock on core 1, so neither's threads run on the
    // other's core: not the goal's setting (there they share the cores), but it tells a client that keeps up from
    // one whose threads take the server's core. Both clients are in this process, so both are pinned alike.
    if (pin(mock.pid, true)) {
      try {
        const loadAtPinnedStart = load1();
        const ticksAtPinnedStart = hostCpuTicks();
        row.separateCores = {
          ...(await rateRounds(setup, SEPARATE_CORES_ROUNDS)),
          loadAverage: [loadAtPinnedStart, load1()],
          host: hostShares(ticksAtPinnedStart, hostCpuTicks()),
        };
        console.log(describeRate(', client on core 0 and mock on core 1', row.separateCores));
      } finally {
        pin(mock.pid, false);
      }
    }
    return row;
  } finally {
    await mock.stop();
  }
}

// aiperf's rounds share one pool of issuing threads, as the runs of a multi-run or a sweep do (runBenchmark passes
// one to each run). Every round runs in this one process, so the raw client and aiperf's main loop are warm after
// the first; a new thread each round compiled the issuing code again while it sent (1,000 streams: ~440 against
// ~280 µs of client CPU per request), a cost a sweep's runs no longer pay.
const issuerThreads = new IssuerThreadPool();

/** One TTFT row against `server` ('mock' or 'exact', named in the row), `requests` at `streams` in step. */
async function ttftOverhead(server, streams, requests) {
  const config = () => benchConfig({ url: server.url, load: { concurrency: streams, requestCount: requests, warmupRequestCount: streams } });
  // The raw client sends aiperf's own bodies (same prompts, same max tokens), so the server does the same work for both.
  const bodies = await aiperfBodies(runProfile, config());
  const loadAtStart = load1();
  const ticksAtStart = hostCpuTicks();
  let health = null;
  const quantiles = (overheads) => ({ p50: p(overheads, 50), p99: p(overheads, 99) });
  const raw = async () => quantiles(sorted((await rawStreamingTtfts({ url: server.url, concurrency: streams, requests, bodies })).map((ms) => ms - TTFT_MS)));
  const aiperf = async () => {
    const run = await runProfile(config(), quietIo(), { issuerThreads });
    health = clientHealth(run);
    return quantiles(sorted(jsonl(run).map((line) => JSON.parse(line).metrics.time_to_first_token.value - TTFT_MS)));
  };
  // One unmeasured round of each first, as in the rate row: the raw client's first round, its code cold, read a p50
  // of 19–46 ms against 3–21 ms in its later rounds (eight runs), which made every first round's ratio favour aiperf.
  await raw();
  await aiperf();
  const rounds = await alternatingRounds(raw, aiperf);
  const medianOf = (side, q) => round(median(rounds.map((pair) => pair[side][q])), 2);
  const ratiosOf = (q) => rounds.map(([raw, ours]) => ours[q] / raw[q]);
  const ratioOf = (q) => round(median(ratiosOf(q)), 2);
  const row = {
    server: server.name,
    streams,
    requests,
    rawOverheadMs: { p50: medianOf(0, 'p50'), p99: medianOf(0, 'p99') },
    aiperfOverheadMs: { p50: medianOf(1, 'p50'), p99: medianOf(1, 'p99') },
    ratioP50: ratioOf('p50'),
    ratioP99: ratioOf('p99'),
    ratioInterquartile: { p50: interquartile(ratiosOf('p50')), p99: interquartile(ratiosOf('p99')) },
    ratioConfidence95: { p50: confidence95(ratiosOf('p50')), p99: confidence95(ratiosOf('p99')) },
    rounds: rounds.map(([raw, ours]) => ({
      rawP50: round(raw.p50, 2),
      rawP99: round(raw.p99, 2),
      aiperfP50: round(ours.p50, 2),
      aiperfP99: round(ours.p99, 2),
    })),
    goal: '≤ 1.1',
    loadAverage: [loadAtStart, load1()],
    host: hostShares(ticksAtStart, hostCpuTicks()),
    client: health,
  };
  console.log(
    `TTFT − ${TTFT_MS} ms at ${streams} streams (${server.name} server), median of ${ROUNDS} rounds: raw undici p50/p99 ${row.rawOverheadMs.p50}/${row.rawOverheadMs.p99} ms, aiperf ${row.aiperfOverheadMs.p50}/${row.aiperfOverheadMs.p99} ms → ${row.ratioP50}/${row.ratioP99} (95% CI ${row.ratioConfidence95.p50?.join('–') ?? 'n/a'} / ${row.ratioConfidence95.p99?.join('–') ?? 'n/a'}; goal ${row.goal}; load average ${row.loadAverage.join(' → ')}${row.host ? `, host steal ${row.host.stealPercent}%` : ''})`,
  );
  return row;
}

const ROW_GROUPS = ['rate', 'mock', 'exact'];

/** The rows of `groups` in this process: the rate row, the TTFT rows against the mock, against the exact server. */
async function measureRows(groups) {
  const rate = groups.includes('rate') ? await requestRate() : null;
  const ttft = [];
  try {
    for (const [name, start] of [
      ['mock', () => startMockProcess({ ttftMs: TTFT_MS, itlMs: 20 })],
      ['exact', () => startExactServerProcess({ ttftMs: TTFT_MS, itlMs: 20, tokens: 4 })],
    ].filter(([name]) => groups.includes(name))) {
      const server = { name, ...(await start()) };
      try {
        ttft.push(await ttftOverhead(server, 100, 500));
        ttft.push(await ttftOverhead(server, 1000, 3000));
      } finally {
        await server.stop();
      }
    }
  } finally {
    await issuerThreads.close();
  }
  return { rate, ttft };
}

/**
 * Each group of rows in a process of its own (this script again), as each `aiperf profile` is, so no row runs in a
 * process that earlier rows have shaped: its CPU affinity (the rate row pins it for a while), compiled code, heap.
 */
async function measureGroupsApart() {
  const results = { rate: null, ttft: [] };
  for (const group of ROW_GROUPS) {
    const dir = mkdtempSync(join(tmpdir(), 'aiperf-bench-rows-'));
    const out = join(dir, 'rows.json');
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, AIPERF_BENCH_ROWS: group, AIPERF_BENCH_ROWS_OUT: out },
    });
    const rows = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    results.rate ??= rows.rate;
    results.ttft.push(...rows.ttft);
  }
  return results;
}

// AIPERF_BENCH_ROWS=rate,mock,exact (any of them) runs only those rows, in this process: such a run prints its rows
// and leaves the result file as it was (with AIPERF_BENCH_ROWS_OUT=<file>, it writes them there: how the full run
// collects each group's rows).
if (process.env.AIPERF_BENCH_ROWS) {
  const rows = await measureRows(process.env.AIPERF_BENCH_ROWS.split(','));
  if (process.env.AIPERF_BENCH_ROWS_OUT) writeFileSync(process.env.AIPERF_BENCH_ROWS_OUT, JSON.stringify(rows));
} else {
  await issuerThreads.close();
  const { rate, ttft } = await measureGroupsApart();
  const path = writeResult('loadgen-baselines', { cores: availableParallelism(), rounds: ROUNDS, requestRate: rate, ttftOverhead: ttft });
  console.log(`→ ${path}`);
}
