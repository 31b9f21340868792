// What the config layer costs a user: `aiperf --version` / `aiperf profile --help` start-up (the CLI loads
// heavy packages lazily, so this is node + clipanion + @aiperf/config) and resolveConfig per call for a typical
// YAML + flags. Writes bench/results/config.json at the repo root.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../dist/index.js';

const root = new URL('../../../', import.meta.url);
const bin = new URL('apps/cli/dist/bin.js', root).pathname;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function startupMs(args, runs = 9) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const { status } = spawnSync(process.execPath, [bin, ...args], { stdio: 'ignore' });
    if (status !== 0) throw new Error(`aiperf ${args.join(' ')} exited ${status}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

const yamlText = `schema_version: "2.0"
benchmark:
  model: Qwen/Qwen3-0.6B
  endpoint: {url: "gpu-box:8000", streaming: true, headers: {X-Team: infra}, extra_inputs: {ignore_eos: true}}
  load: {concurrency: [1, 4, 16], request_count: 64}
  input: {input_tokens: {mean: 512, stddev: 10}, output_tokens: {mean: 128}}
  artifacts: {dir: ./out, slice_duration: 10s}
  goodput: {time_to_first_token: 200}
multi_run: {num_runs: 3}
plot: {visualization: {multi_run_defaults: [pareto]}}
`;
const flags = { concurrency: '1,8,32', requestCount: '200', apiKey: 'sk-x', header: ['Authorization: Bearer y'] };

function resolveMicros(iterations = 2000) {
  for (let i = 0; i < 200; i++) resolveConfig({ yamlText, yamlPath: '/c/a.yaml', flags });
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const { errors } = resolveConfig({ yamlText, yamlPath: '/c/a.yaml', flags });
    if (errors.length > 0) throw new Error(errors[0].message);
  }
  return ((performance.now() - start) * 1000) / iterations;
}

const nodeBaselineMs = median(Array.from({ length: 9 }, () => {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - start;
}));
const results = {
  name: 'config',
  node: process.version,
  nodeStartupMs: Number(nodeBaselineMs.toFixed(1)),
  versionStartupMs: Number(startupMs(['--version']).toFixed(1)),
  profileHelpStartupMs: Number(startupMs(['profile', '--help']).toFixed(1)),
  resolveConfigMicrosPerCall: Number(resolveMicros().toFixed(1)),
};
mkdirSync(new URL('bench/results/', root), { recursive: true });
writeFileSync(new URL('bench/results/config.json', root), `${JSON.stringify(results, null, 2)}\n`);
console.log(`node -e 0: ${results.nodeStartupMs} ms; aiperf --version: ${results.versionStartupMs} ms; aiperf profile --help: ${results.profileHelpStartupMs} ms (median of 9)`);
console.log(`resolveConfig (YAML + flags, sweep, plot envelope): ${results.resolveConfigMicrosPerCall} µs per call`);
