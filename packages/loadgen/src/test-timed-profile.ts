// Test helper: runProfile against @aiperf/sse-test-server (a server with exactly scheduled chunks that logs
// when it really wrote each one). Server and client share this process's monotonic clock, so measured − true is
// never negative and is the client's whole error.
import { PassThrough } from 'node:stream';
import { type StreamPlan, type StreamTruth, type TimedSseServer, startTimedSseServer } from '@aiperf/sse-test-server';
import { makeTempDir } from '@aiperf/test-kit';
import { runProfile } from './run-profile.js';
import { testConfig } from './test-config.js';
import { readRecords, readSummary } from './test-run-files.js';

const servers: TimedSseServer[] = [];

/** Closes the servers of the profiles run so far (call in afterEach; the test kit removes their artifact dirs). */
export async function cleanupTimedProfiles(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}

/** A server that claims twice the completion tokens it sent and 50 more prompt tokens than it got. */
export const MISREPORTING: Partial<StreamPlan> = {
  ttftMs: 20, itlMs: 5, contentChunks: 20, reportCompletionTokens: (n) => n * 2, reportPromptTokens: (n) => n + 50,
};

type Overrides = Parameters<typeof testConfig>[0] & object;

export async function profileTimed(plan: Partial<StreamPlan>, overrides: Overrides) {
  const server = await startTimedSseServer({ plan });
  servers.push(server);
  const dir = await makeTempDir('aiperf-fidelity-');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const config = testConfig({
    ...overrides,
    endpoint: { url: server.url, ...overrides.endpoint },
    output: { artifactDir: dir, artifactDirExplicit: true, ...overrides.output },
  });
  const result = await runProfile(config, { stdout, stderr });
  const summary = readSummary(dir);
  const records = readRecords(dir);
  const truthOf = (record: Record<string, any>): StreamTruth => server.truthFor(record.metadata.x_request_id)!;
  return { result, summary, records, truthOf, stdout: out, stderr: err, server, dir };
}
