// `aiperf profile` end to end, the cases about the CLI's logic rather than timing: the default artifact dir name
// and engine-detected usage errors (in-process). The timing case is `profile.timing.test.ts`; Ctrl+C (the exports
// of what completed, "(cancelled early)", exit 130) is `reliability/signals.test.ts`.
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { readJson, useProfileMock } from './profile-setup.js';
import { runAiperf } from './reliability/cli-process.js';

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
});
