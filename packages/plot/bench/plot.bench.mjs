// Time and peak memory to plot (default config, every plot with data), next to the time to merely parse the
// run's JSONL (the floor any plot of it has to pay): a single run of 100k and of 1M
// requests (with timeslices and GPU telemetry), and a 20-run sweep. Each measurement runs `plot()` in a
// fresh child process so peak RSS is that of plotting alone. Writes bench/results/plot.json.
// Imports the built package (dist/): run `pnpm build` first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The baseline a plot is compared with: merely reading the run's JSONL (every line through JSON.parse).
if (process.argv[2] === '--parse-child') {
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  const started = performance.now();
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(join(process.argv[3], 'profile_export.jsonl')), crlfDelay: Infinity })) {
    if (line) JSON.parse(line);
    lines += 1;
  }
  console.log(JSON.stringify({ parseMs: performance.now() - started, lines }));
  process.exit(0);
}

if (process.argv[2] === '--child') {
  const { plot } = await import('@aiperf/plot');
  const started = performance.now();
  const result = await plot({ paths: [process.argv[3]], outputDir: process.argv[4] });
  const wallMs = performance.now() - started;
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ wallMs, peakRssMb: process.resourceUsage().maxRSS / 1024, files: result.files.length }));
  process.exit(0);
}

const { writeSingleRun, writeSweep } = await import('@aiperf/plot/testing');
const root = mkdtempSync(join(tmpdir(), 'aiperf-plot-bench-'));
const self = fileURLToPath(import.meta.url);

const scenarios = [
  { name: 'single_run_100k', write: (dir) => writeSingleRun(dir, { requestCount: 100_000, concurrency: 64, sliceDurationS: 10, gpuCount: 2 }) },
  { name: 'single_run_1m', write: (dir) => writeSingleRun(dir, { requestCount: 1_000_000, concurrency: 256, sliceDurationS: 30, gpuCount: 2 }) },
  {
    name: 'sweep_20_runs',
    write: (dir) =>
      writeSweep(
        dir,
        Array.from({ length: 20 }, (_, i) => i + 1),
        { requestCount: 1000, gpuCount: 2 },
      ),
  },
];

const results = [];
for (const scenario of scenarios) {
  const dir = join(root, scenario.name);
  scenario.write(dir);
  const jsonlMb = scenario.name.startsWith('single') ? statSync(join(dir, 'profile_export.jsonl')).size / 2 ** 20 : null;
  const child = spawnSync(process.execPath, [self, '--child', dir, join(root, `${scenario.name}-plots`)], {
    encoding: 'utf8',
    env: { ...process.env, AIPERF_PLOT_CONFIG_HOME: join(root, 'home') },
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`${scenario.name} failed: ${child.stderr}`);
  const measured = JSON.parse(child.stdout.trim().split('\n').at(-1));
  let parse = {};
  if (jsonlMb !== null) {
    const parsing = spawnSync(process.execPath, [self, '--parse-child', dir], { encoding: 'utf8' });
    if (parsing.status !== 0) throw new Error(`${scenario.name} parse failed: ${parsing.stderr}`);
    const { parseMs } = JSON.parse(parsing.stdout.trim().split('\n').at(-1));
    parse = { parseOnlyMs: parseMs, plotOverParse: measured.wallMs / parseMs };
  }
  results.push({ scenario: scenario.name, ...(jsonlMb !== null ? { jsonlMb: Math.round(jsonlMb) } : {}), ...measured, ...parse });
  console.log(
    `${scenario.name.padEnd(16)} ${(measured.wallMs / 1000).toFixed(2)} s  peak RSS ${measured.peakRssMb.toFixed(0)} MB  ${measured.files} PNGs${jsonlMb ? `  (JSONL ${jsonlMb.toFixed(0)} MB; parsing it alone ${(parse.parseOnlyMs / 1000).toFixed(2)} s → ${parse.plotOverParse.toFixed(2)}×)` : ''}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
rmSync(root, { recursive: true, force: true });

const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, 'plot.json'),
  `${JSON.stringify({ benchmark: 'plot', node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
);
