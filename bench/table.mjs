#!/usr/bin/env node
// The ratios table of the performance goals, read from bench/results/*.json (written by `pnpm bench`), as
// Markdown for the README. Each ratio compares aiperf with a baseline measured in the same run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('results/', import.meta.url).pathname;
const read = (name) => (existsSync(join(dir, `${name}.json`)) ? JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) : null);
const fixed = (x, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : 'n/a');
const meets = (value, goal) => (value === undefined ? '' : goal(value) ? ' ✓' : ' ✗');

const rows = [];
const baselines = read('loadgen-baselines');
if (baselines) {
  const r = baselines.requestRate;
  rows.push([`Request rate, non-streaming, 64 connections`, `${r.aiperfRate} req/s`, `autocannon ${r.autocannonRate} req/s`, `${fixed(r.ratio)}${meets(r.ratio, (x) => x >= 0.95)}`, '≥ 0.95']);
  for (const t of baselines.ttftOverhead) {
    rows.push([
      `TTFT overhead (measured − 50 ms), ${t.streams} streams in step, p50 / p99`,
      `${fixed(t.aiperfOverheadMs.p50)} / ${fixed(t.aiperfOverheadMs.p99)} ms`,
      `raw undici ${fixed(t.rawOverheadMs.p50)} / ${fixed(t.rawOverheadMs.p99)} ms`,
      `${fixed(t.ratioP50)}${meets(t.ratioP50, (x) => x <= 1.1)} / ${fixed(t.ratioP99)}${meets(t.ratioP99, (x) => x <= 1.1)}`,
      '≤ 1.1',
    ]);
  }
  for (const l of baselines.sendLateness) {
    rows.push([`Send lateness, Poisson ${l.rate} req/s, p50 / p99`, `${fixed(l.latenessMsP50, 3)} / ${fixed(l.latenessMsP99, 3)} ms`, `achieved ${l.achievedRate} req/s`, '', '']);
  }
}
const memory = read('loadgen-memory');
if (memory) {
  rows.push([
    `Retained memory per record at ${memory.records / 1e6}M records (${memory.chunksPerRecord} chunks each)`,
    `${memory.bytesPerRecord} B`,
    `record objects ${memory.baselineObjectBytesPerRecord} B`,
    `${fixed(memory.ratio, 3)}${meets(memory.bytesPerRecord, (x) => x <= 128)}`,
    '≤ 128 B',
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
  ]);
}
const plot = read('plot')?.results.find((r) => r.scenario === 'single_run_1m');
if (plot?.parseOnlyMs) {
  rows.push([`\`aiperf plot\` of 1M records (${plot.jsonlMb} MB JSONL)`, `${fixed(plot.wallMs / 1000)} s`, `JSON.parse of every line ${fixed(plot.parseOnlyMs / 1000)} s`, fixed(plot.plotOverParse), '']);
}

const lines = ['| what | aiperf | baseline (same run) | ratio | goal |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)];
console.log(lines.join('\n'));
if (baselines) console.log(`\nClient load during these runs (aiperf's own client_health): ${describeHealth(baselines)}`);

function describeHealth(b) {
  const cases = [['rate', b.requestRate.client], ...b.ttftOverhead.map((t) => [`${t.streams} streams`, t.client])].filter(([, c]) => c);
  return cases.map(([name, c]) => `${name}: loop delay p99 ${fixed(c.event_loop_delay_p99_ms)} ms, CPU ${Math.round(c.cpu_percent)}%${c.client_bound ? ' (client-bound)' : ''}`).join('; ');
}
