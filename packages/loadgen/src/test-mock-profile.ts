// Test helper: runProfile through the real client against the real mock server; the run's files read back from disk.
// One server per profile, closed by `closeMockProfileServer` (call it in afterEach).
import { PassThrough } from 'node:stream';
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { runProfile } from './run-profile.js';
import { testConfig } from './test-config.js';
import { readRecords, readSummary } from './test-run-files.js';
import type { RunProfileOptions } from './types.js';

let server: MockServer | undefined;

/** Closes the mock server of the last profile (call in afterEach). */
export async function closeMockProfileServer(): Promise<void> {
  await server?.close();
  server = undefined;
}

type Overrides = Parameters<typeof testConfig>[0] & object;

export async function profileAgainstMock(mock: MockServerOptions, overrides: Overrides, signal?: AbortSignal, options?: RunProfileOptions) {
  await closeMockProfileServer();
  server = await startMockServer({ port: 0, ...mock });
  const dir = await makeTempDir('aiperf-loadgen-');
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += chunk));
  const config = testConfig({
    ...overrides,
    endpoint: { url: server.url, extraInputs: { ignore_eos: true }, ...overrides.endpoint },
    output: { artifactDir: dir, artifactDirExplicit: true, ...overrides.output },
  });
  const result = await runProfile(config, { stdout, stderr: new PassThrough(), ...(signal ? { signal } : {}) }, options);
  return { result, summary: readSummary(dir), records: readRecords(dir), dir, stdout: text };
}
