import { startMockServer } from '@aiperf/mock-server';
import { test } from 'vitest';
import { runProfile } from './index.js';
import { testConfig } from './test-config.js';
test('smoke', async () => {
  const server = await startMockServer({ port: 0, ttftMs: 50, itlMs: 10 });
  const result = await runProfile(testConfig({ endpoint: { url: server.url }, load: { concurrency: 8, requestCount: 40, workers: 1 }, input: { outputTokens: { mean: 64, stddev: 0 } }, output: { artifactDir: '/tmp/lg/out', artifactDirExplicit: true } }), { stdout: process.stdout, stderr: process.stderr });
  console.log(result.exitCode, result.successfulRequestCount, result.errorRequestCount);
  await server.close();
});
