// `aiperf profile` end to end, the cases about the CLI's logic rather than timing: the default artifact dir name,
// engine-detected usage errors (in-process), and Ctrl+C (the built binary: a real process and a real SIGINT, sent
// once records are on disk: an event, not a wall-clock guess). The timing case is `profile.timing.test.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { readJson, readJsonl, useProfileMock } from './profile-setup.js';
import { runAiperf, startAiperf, waitFor } from './reliability/cli-process.js';

const recordLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

const server = useProfileMock();

describe('aiperf profile', () => {
  it('names the artifact directory like AIPerf when --artifact-dir is not given', async () => {
    const cwd = await makeTempDir('aiperf-profile-cwd-');
    // The built binary: the default artifact dir is relative to the process's working directory.
    const run = await runAiperf(
      ['profile', '-m', 'org/mock-model', '-u', server.url, '--streaming', '--concurrency', '2', '--request-count', '4', '--osl', '2', '--isl', '8', '--ui', 'none', '--no-gpu-telemetry'],
      {},
      60_000,
      cwd,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readJson(join(cwd, 'artifacts', 'org_mock-model-openai-chat-concurrency2', 'profile_export_aiperf.json')).request_count.avg).toBe(4);
  });

  it('reports engine-detected bad settings as usage errors: message naming the flag, exit 2, no stack', async () => {
    const dir = await makeTempDir('aiperf-profile-bad-');
    const run = await runInProcess(['profile', '-m', 'mock-model', '-u', server.url, '--request-count', '2', '--tokenizer', join(dir, 'missing.json'), '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--tokenizer: "${join(dir, 'missing.json')}" is not an existing tokenizer.json file or a directory holding one`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('on Ctrl+C stops issuing, writes the exports for what completed and exits non-zero', async () => {
    const dir = join(await makeTempDir('aiperf-profile-int-'), 'run');
    const running = startAiperf(
      ['profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--concurrency', '4', '--request-count', '5000', '--osl', '8', '--isl', '16', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry'],
    );
    // Interrupt once some records are on disk, however long the CLI took to start on a loaded machine.
    await waitFor(() => recordLines(join(dir, 'profile_export.jsonl')) >= 20 || running.child.exitCode !== null);
    running.child.kill('SIGINT');
    const run = await running.done;
    expect(run.code).not.toBe(0);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.was_cancelled).toBe(true);
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(5000);
    expect(summary.request_count.avg).toBe(records.filter((r: { error: unknown }) => r.error === null).length);
    expect(existsSync(join(dir, 'profile_export_aiperf.csv'))).toBe(true);
    expect(run.stdout).toContain('(cancelled early)');
  });
});
