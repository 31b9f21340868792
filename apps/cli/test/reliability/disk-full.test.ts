// A full disk stops the run cleanly: no crash, no torn JSONL line, no 0-byte or half-written summary, no temp
// files left, and one line saying what was saved and where. Uses a tiny tmpfs where the test may mount one
// (root, as in CI); otherwise the JSONL is pointed at /dev/full, which fails every write with ENOSPC.
// The /dev/full case (it runs everywhere) is the built binary, with its default issuing worker thread; the tmpfs cases
// run in-process, their output captured from the CLI's streams and from process.stdout/stderr (runAiperfInProcess),
// issuing from the main event loop (MAIN_LOOP_LOAD: what they check is the files and the message, and a worker thread
// costs ~0.65 s of CPU to start per run).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_LOOP_LOAD } from '../auto-plot-cli.js';
import { runAiperfInProcess } from './cli-in-process.js';
import { readWholeJsonl, runAiperf } from './cli-process.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { makeTempDir } from '@aiperf/test-kit';

let server: FaultServer;
const root = await makeTempDir('aiperf-diskfull-');
const mounts: string[] = [];
beforeAll(async () => {
  server = await startFaultServer({ tokens: 4, itlMs: 0 });
});
afterAll(async () => {
  await server.close();
  for (const dir of mounts) execFileSync('umount', [dir]);
  rmSync(root, { recursive: true, force: true });
});

/** A tmpfs of `size` at a fresh directory, or null (said loudly) where this process may not mount. */
function tinyDisk(name: string, size: string): string | null {
  const dir = join(root, name);
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    console.warn(`SKIPPED tmpfs disk-full case ${name}: cannot mount a tmpfs here (needs root); the /dev/full case still runs`);
    return null;
  }
  mounts.push(dir);
  return dir;
}

const args = (dir: string, extra: string[]) => [
  'profile', '-m', 'm', '-u', server.url, '--concurrency', '4', '--isl', '8', '--osl', '4', '--warmup-request-count', '0',
  '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry', ...extra,
];

function expectCleanStop(run: { code: number | null; signal: string | null; stderr: string }, dir: string) {
  expect(run.signal).toBeNull();
  expect(run.stderr).not.toMatch(/internal error|\n\s+at |Unhandled|ERR_/);
  expect(run.code).toBe(1);
  const line = run.stderr.split('\n').find((l) => l.includes('no space left on device'));
  expect(line, run.stderr).toMatch(/^aiperf: no space left on device writing .+; (the run was stopped|the run had finished|no request was sent)\. Saved in .+: /);
  expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  const summaryPath = join(dir, 'profile_export_aiperf.json');
  if (existsSync(summaryPath)) expect(() => JSON.parse(readFileSync(summaryPath, 'utf8'))).not.toThrow();
  return line as string;
}

describe('a full disk', () => {
  it('while records stream to the JSONL (tmpfs)', async (ctx) => {
    const dir = tinyDisk('jsonl', '128k');
    if (dir === null) return ctx.skip();
    const run = await runAiperfInProcess(args(dir, ['--request-count', '5000', ...MAIN_LOOP_LOAD]));
    const line = expectCleanStop(run, dir);
    const records = readWholeJsonl(join(dir, 'profile_export.jsonl'));
    expect(records.length).toBeGreaterThan(10);
    expect(line).toContain(`profile_export.jsonl (${records.length} whole records)`);
  });

  it('while the summary is written (tmpfs): never a 0-byte or partial summary', async (ctx) => {
    // inputs.json (100 entries, ~37 KB) fits; the ~6 KB summary does not.
    const dir = tinyDisk('summary', '40k');
    if (dir === null) return ctx.skip();
    const run = await runAiperfInProcess(args(dir, ['--request-count', '8', '--export-level', 'summary', ...MAIN_LOOP_LOAD]));
    const line = expectCleanStop(run, dir);
    expect(line).toMatch(/Not saved: .*profile_export_aiperf\.json/);
  });

  it('before the run (tmpfs too small for inputs.json): nothing is sent', async (ctx) => {
    const dir = tinyDisk('inputs', '12k');
    if (dir === null) return ctx.skip();
    server.answered.clear();
    const run = await runAiperfInProcess(args(dir, ['--request-count', '8', ...MAIN_LOOP_LOAD]));
    const line = expectCleanStop(run, dir);
    expect(line).toMatch(/inputs\.json; no request was sent\. Saved in .*: nothing\. Not saved: inputs\.json\.$/);
    expect(server.answered.size).toBe(0);
  });

  it('an injected ENOSPC on the JSONL (/dev/full)', async () => {
    const dir = join(root, 'devfull');
    mkdirSync(dir);
    symlinkSync('/dev/full', join(dir, 'profile_export.jsonl'));
    const run = await runAiperf(args(dir, ['--request-count', '50']));
    const line = expectCleanStop(run, dir);
    expect(line).toContain('profile_export.jsonl');
  });
});
