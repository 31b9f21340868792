// Test helper: runProfile against @aiperf/sse-test-server (a server with exactly scheduled chunks that logs
// when it really wrote each one). Server and client share this process's monotonic clock, so measured − true is
// never negative and is the client's whole error.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type StreamPlan, type StreamTruth, type TimedSseServer, startTimedSseServer } from '@aiperf/sse-test-server';
import { parseJsonWithBigInt } from './export/json-text.js';
import { runProfile } from './run-profile.js';
import { testConfig } from './test-config.js';

const servers: TimedSseServer[] = [];
const dirs: string[] = [];

/** Closes the servers and removes the artifact directories of the profiles run so far (call in afterEach). */
export async function cleanupTimedProfiles(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

type Overrides = Parameters<typeof testConfig>[0] & object;

export async function profileTimed(plan: Partial<StreamPlan>, overrides: Overrides) {
  const server = await startTimedSseServer({ plan });
  servers.push(server);
  const dir = mkdtempSync(join(tmpdir(), 'aiperf-fidelity-'));
  dirs.push(dir);
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
  const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
  const lines = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n').filter(Boolean);
  const records = lines.map((line) => parseJsonWithBigInt(line) as Record<string, any>);
  const truthOf = (record: Record<string, any>): StreamTruth => server.truthFor(record.metadata.x_request_id)!;
  return { result, summary, records, truthOf, stdout: out, stderr: err, server, dir };
}
