#!/usr/bin/env node
// The goals table, read from bench/results/*.json (written by `pnpm bench`), as Markdown. Each ratio compares
// aiperf with a baseline measured in the same run; each row says when it ran and the machine's 1-minute load
// average at its start → end (a busy machine makes latency rows noisy). `--readme` also writes it into README.md
// between the `bench-table` markers, so the README is regenerated from results, never edited by hand.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('results/', import.meta.url).pathname;
const readmePath = new URL('../README.md', import.meta.url).pathname;
const read = (name) => (existsSync(join(dir, `${name}.json`)) ? JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) : null);
const fixed = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : 'n/a');
const meets = (value, goal) => (value === undefined ? '' : goal(value) ? ' ✓' : ' ✗');
const day = (result) => result.date.slice(0, 10);
/**
 * "2026-12-01, 3.1 → 4.0, steal 8%" from a row's [start, end] load averages (older results: the run's end only) and
 * the share of the machine's CPU time the hypervisor gave to other guests while the row ran (where recorded).
 */
const when = (result, row) => {
  const load = row?.loadAverage ?? (result.loadAverageAtEnd === undefined ? null : [result.loadAverageAtEnd]);
  const steal = row?.host ? `, steal ${fixed(row.host.stealPercent, 0)}%` : '';
  return `${day(result)}${load ? `, ${load.map((x) => fixed(x, 1)).join(' → ')}` : ''}${steal}`;
};
/** " (middle half 0.90–1.07)": the rounds' 25th–75th percentile ratios, where recorded. */
const spread = (range) => (range ? ` (middle half ${fixed(range[0])}–${fixed(range[1])})` : '');
/**
 * A ratio with its verdict and its uncertainty: where the run recorded a 95% confidence interval for the median,
 * ✓ when the whole interval meets the goal, ✗ when none of it does, ≈ when it spans the goal (this run cannot
 * tell); older results are judged by the median alone and show their rounds' middle half.
 */
const judged = (value, goal, confidence, interquartile) => {
  if (!confidence) return `${fixed(value)}${goal ? meets(value, goal) : ''}${spread(interquartile)}`;
  const mark = !goal ? '' : confidence.every(goal) ? ' ✓' : confidence.some(goal) ? ' ≈' : ' ✗';
  return `${fixed(value)}${mark} (95% CI ${fixed(confidence[0])}–${fixed(confidence[1])})`;
};
const atLeast = (goal) => (x) => x >= goal;
const atMost = (goal) => (x) => x <= goal;

/** The TTFT rows' servers (results from before the exact server have no `server`: the mock). */
const SERVERS = { mock: 'mock server', exact: "exact-timing server (the client's share)" };

const rows = [];
const baselines = read('loadgen-baselines');
if (baselines) {
  const r = baselines.requestRate;
  const rounds = baselines.rounds ? `, median of ${baselines.rounds} rounds` : '';
  const rateRounds = r.roundCount ? `, median of ${r.roundCount} rounds` : rounds;
  // The mock's CPU while each client ran: about equal under both means the server set the rate, not the client
  // (its main thread's share where measured: it serves every request; the process's adds its GC threads), and,
  // where measured, how long that thread waited for a core (other threads on it).
  const mockCpu = (row, client) => {
    const waiting = row.serverMainThreadWaitingPercent ? `, ${row.serverMainThreadWaitingPercent[client]}% waiting for a core` : '';
    if (row.serverMainThreadBusyPercent) return `, mock main thread ${row.serverMainThreadBusyPercent[client]}% busy${waiting}`;
    return row.serverBusyPercent ? `, mock CPU ${row.serverBusyPercent[client]}%` : '';
  };
  // Since 2026-12-02 autocannon sends aiperf's headers too (before: content-type only, a lighter request).
  const baseline = (row) => `autocannon${row.autocannonHeaders ? " (aiperf's headers)" : ''}`;
  rows.push([
    `Request rate, non-streaming, 64 connections${rateRounds}`,
    `${r.aiperfRate} req/s${mockCpu(r, 'aiperf')}`,
    `${baseline(r)} ${r.autocannonRate} req/s${mockCpu(r, 'autocannon')}`,
    judged(r.ratio, atLeast(0.95), r.ratioConfidence95, r.ratioInterquartile),
    '≥ 0.95',
    when(baselines, r),
  ]);
  // Not a goal row: the same pair with the client and the mock on cores of their own (see baselines.bench.mjs).
  const pinned = r.separateCores;
  if (pinned) {
    rows.push([
      `… the same, client on core 0 and mock on core 1 (taskset), median of ${pinned.roundCount} rounds`,
      `${pinned.aiperfRate} req/s${mockCpu(pinned, 'aiperf')}`,
      `${baseline(pinned)} ${pinned.autocannonRate} req/s${mockCpu(pinned, 'autocannon')}`,
      judged(pinned.ratio, null, pinned.ratioConfidence95, pinned.ratioInterquartile),
      '',
      when(baselines, pinned),
    ]);
  }
  for (const t of baselines.ttftOverhead) {
    rows.push([
      `TTFT overhead (measured − 50 ms), ${t.streams} streams in step, ${SERVERS[t.server ?? 'mock']}, p50 / p99${rounds}`,
      `${fixed(t.aiperfOverheadMs.p50)} / ${fixed(t.aiperfOverheadMs.p99)} ms`,
      `raw undici ${fixed(t.rawOverheadMs.p50)} / ${fixed(t.rawOverheadMs.p99)} ms`,
      `${judged(t.ratioP50, atMost(1.1), t.ratioConfidence95?.p50, t.ratioInterquartile?.p50)} / ${judged(t.ratioP99, atMost(1.1), t.ratioConfidence95?.p99, t.ratioInterquartile?.p99)}`,
      '≤ 1.1',
      when(baselines, t),
    ]);
  }
}
// Older results kept the lateness rows in the baselines file.
const lateness = read('loadgen-send-lateness') ?? (baselines?.sendLateness ? baselines : null);
for (const l of lateness?.sendLateness ?? []) {
  rows.push([
    `Send lateness, Poisson ${l.rate} req/s, p50 / p99`,
    `${fixed(l.latenessMsP50, 3)} / ${fixed(l.latenessMsP99, 3)} ms`,
    `achieved ${l.achievedRate} req/s`,
    '',
    '',
    when(lateness, l),
  ]);
}
const memory = read('loadgen-memory');
if (memory) {
  rows.push([
    `Retained memory per record at ${memory.records / 1e6}M records (${memory.chunksPerRecord} chunks each)`,
    `${memory.bytesPerRecord} B`,
    `record objects ${memory.baselineObjectBytesPerRecord} B`,
    `${fixed(memory.ratio, 3)}${meets(memory.bytesPerRecord, (x) => x <= 128)}`,
    '≤ 128 B',
    `${day(memory)} (exact, load-independent)`,
  ]);
}
const tenMillion = read('loadgen-10m');
if (tenMillion) {
  rows.push([
    `${tenMillion.records / 1e6}M records through the record path (columns + JSONL, no HTTP)`,
    `${tenMillion.ingestSeconds} s + ${tenMillion.computeSeconds} s metrics, peak RSS ${tenMillion.peakRssMiB} MiB`,
    `${tenMillion.jsonlGiB} GiB JSONL`,
    '',
    'completes',
    day(tenMillion),
  ]);
}
const plotResult = read('plot');
const plot = plotResult?.results.find((r) => r.scenario === 'single_run_1m');
if (plot?.parseOnlyMs) {
  rows.push([
    `\`aiperf plot\` of 1M records (${plot.jsonlMb} MB JSONL)`,
    `${fixed(plot.wallMs / 1000)} s`,
    `JSON.parse of every line ${fixed(plot.parseOnlyMs / 1000)} s`,
    fixed(plot.plotOverParse),
    '',
    day(plotResult),
  ]);
}

const header = [
  '| what | aiperf | baseline (same run) | ratio (median of rounds) | goal | date, load average (1 min), host steal |',
  '| --- | --- | --- | --- | --- | --- |',
];
const table = [...header, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const legend = baselines?.requestRate.ratioConfidence95
  ? "✓ / ✗: the median ratio's whole 95% confidence interval (from the rounds, distribution-free) meets / misses the goal; ≈: the interval spans the goal, so this run cannot tell."
  : '';
const health = baselines ? `Client load during the ratio rows (aiperf's own client_health): ${describeHealth(baselines)}` : '';
console.log(table);
if (legend) console.log(`\n${legend}`);
if (health) console.log(`\n${health}`);

if (process.argv.includes('--readme')) {
  const START = '<!-- bench-table:start (generated by `node bench/table.mjs --readme`) -->';
  const END = '<!-- bench-table:end -->';
  const readme = readFileSync(readmePath, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block to replace`);
  const cores = baselines?.cores ? ` on ${baselines.cores} cores` : '';
  const block = [START, '', table, '', ...(legend ? [legend, ''] : []), ...(health ? [`${health}${cores}.`, ''] : []), END].join('\n');
  writeFileSync(readmePath, readme.slice(0, from) + block + readme.slice(to + END.length));
  console.log(`\n→ README.md table updated`);
}

function describeHealth(b) {
  const cases = [
    ['rate', b.requestRate.client],
    ...b.ttftOverhead.map((t) => [`${t.streams} streams${t.server === 'exact' ? ', exact server' : ''}`, t.client]),
  ].filter(([, c]) => c);
  return cases
    .map(
      ([name, c]) =>
        `${name}: loop delay p99 ${fixed(c.event_loop_delay_p99_ms)} ms, CPU ${Math.round(c.cpu_percent)}%${c.client_bound ? ' (client-bound)' : ''}`,
    )
    .join('; ');
}
