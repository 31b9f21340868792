// Absurd or hostile arguments end in one clear line and exit 2: no stack, no hang, no echo of secrets.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../config-harness.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-usage-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = ['profile', '-m', 'm', '-u', 'http://127.0.0.1:9', '--request-count', '1', '--ui', 'none', '--no-gpu-telemetry'];

// In-process (runCli with PassThrough streams): the decision is the same as the binary's, without a node start-up
// per row; a hang fails the test by its timeout. cli.test.ts keeps the spawned smoke test of the exit status.
async function expectUsageError(args: string[], pattern: RegExp) {
  const run = await runInProcess(args, { env: { ...(process.env as Record<string, string>), NO_COLOR: '1' } });
  const lines = run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning:') && !l.startsWith('See `aiperf'));
  expect(lines.join('\n')).toMatch(pattern);
  expect(lines.length, run.stderr).toBeLessThanOrEqual(2);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code).toBe(2);
}

describe('URLs that are not http(s)', () => {
  it.each(['ftp://host/x', 'file:///etc/passwd', 'gopher://h'])('%s', async (url) => {
    await expectUsageError(['profile', '-m', 'm', '-u', url], /--url: got ".*": the \w+:\/\/ scheme is not supported; allowed: http:\/\/, https:\/\//);
  });
});

describe('negative numbers after a space', () => {
  it.each([
    [['--concurrency', '-1'], /--concurrency: got "-1", expected an integer ≥ 1/],
    [['--request-rate', '-2.5'], /--request-rate: got "-2.5", expected a number > 0/],
  ])('%j', async (extra, pattern) => {
    await expectUsageError(['profile', '-m', 'm', ...extra], pattern);
  });
});

describe('artifact directories that cannot be written', () => {
  it('a directory under a regular file', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    await expectUsageError([...base, '--artifact-dir', join(file, 'run')], /--artifact-dir: cannot write ".*a-file\/run": .*a-file is not a directory/);
  });

  it.each(['/proc/aiperf-run', '/proc/self/aiperf-run', '/sys/aiperf-run'])('%s (a kernel filesystem)', async (dir) => {
    await expectUsageError([...base, '--artifact-dir', dir], /--artifact-dir: cannot write ".*aiperf-run": /);
  });

  it('a read-only directory', async () => {
    const dir = join(root, 'ro');
    mkdirSync(dir);
    // root ignores permission bits; a read-only mount stops everyone.
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      if (process.getuid?.() === 0) throw new Error('running as root but cannot mount a read-only tmpfs');
      execFileSync('chmod', ['555', dir]);
    }
    try {
      await expectUsageError([...base, '--artifact-dir', join(dir, 'run')], /--artifact-dir: cannot write ".*ro\/run": .*(read-only|permission denied)/i);
    } finally {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        // not mounted (non-root fallback)
      }
    }
  });
});

describe('sizes beyond what the machine allows', () => {
  it('--concurrency beyond the open-file / port budget is refused naming the limit', async () => {
    await expectUsageError(
      ['profile', '-m', 'm', '-u', 'http://127.0.0.1:9', '--concurrency', '1000000', '--request-count', '1000000', '--ui', 'none', '--no-gpu-telemetry', '--artifact-dir', join(root, 'conc')],
      /--concurrency: got 1000000, but .*(open files \(ulimit -n\) is \d+|local ports .* \d+)/,
    );
  });

  it('--isl beyond what one prompt may take in memory is refused before any prompt is built', async () => {
    await expectUsageError(
      ['profile', '-m', 'm', '-u', 'http://127.0.0.1:9', '--isl', '100000000', '--request-count', '1', '--ui', 'none', '--no-gpu-telemetry', '--artifact-dir', join(root, 'isl')],
      /--isl: a prompt of about 100000000 tokens .* at most \d+ MB; use --isl \(\+ 2 × --isl-stddev\) of at most \d+ tokens/,
    );
  });
});
