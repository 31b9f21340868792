#!/usr/bin/env node
// `pnpm demo`: starts the embedded mock server on a free loopback port and runs one streaming profile against
// it, with GPU telemetry from the mock's DCGM endpoint, its vLLM-style server metrics at /metrics and auto-plot. Extra arguments go to `aiperf profile`.
// Results land in ./artifacts/demo (plots in ./artifacts/demo/plots).
import { spawn, spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url);

// Build first, quietly: a newcomer should see the demo, not hundreds of turbo/tsup lines (shown only on failure).
process.stdout.write('Building the workspace (about a minute the first time)…\n');
const build = spawnSync(new URL('node_modules/.bin/turbo', root).pathname, ['run', 'build', '--output-logs=errors-only'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? `${build.error.message}\n` : ''}The build failed; see above.\n`);
  process.exit(build.status ?? 1);
}
const { startMockServer } = await import(new URL('packages/mock-server/dist/index.js', root).href);
const cli = new URL('apps/cli/dist/bin.js', root).pathname;

const server = await startMockServer({ port: 0, host: '127.0.0.1', models: ['demo-model'] });
const args = [
  'profile', '--model', 'demo-model', '--url', server.url, '--streaming', '--concurrency', '8', '--request-count', '100',
  '--isl', '128', '--osl', '64', '--slice-duration', '1', '--gpu-telemetry', server.dcgmUrl, '--artifact-dir', 'artifacts/demo', '--auto-plot',
  // `pnpm demo -- --ui none` may pass the `--` through.
  ...process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--')),
];
console.log(`Mock server listening at ${server.url}\n$ aiperf ${args.join(' ')}\n`);
const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit' });
process.on('SIGINT', () => child.kill('SIGINT'));
const code = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
await server.close();
process.exit(code);
