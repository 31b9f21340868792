// Fault-injecting servers: every fault ends as a recorded error (or a whole record), never a crash, a hang or
// terminal escape sequences in the console; the summary's counts equal the JSONL lines.
// The cases share nothing (own server, own artifact dir from the `tempDir` fixture) and run in-process (runCli with
// PassThrough streams), one after the other: run concurrently, all of them shared one 60 s test timeout's worth of
// a loaded machine and timed out in a full-suite run. One case runs the built binary, with its default issuing
// worker thread, so a crash of the real process or of the thread's error path (a signal, an unhandled rejection)
// still fails here; the in-process cases issue from the main event loop (`--workers 1`): what they check is the
// records and the console, and a worker thread costs ~0.65 s of CPU to start per run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { MAIN_LOOP_LOAD } from '../auto-plot-cli.js';
import { runInProcess } from '../config-harness.js';
import { type Finished, readWholeJsonl, runAiperf } from './cli-process.js';
import { type Fault, startFaultServer } from './fault-server.js';
import { test } from '@aiperf/test-kit';

/** The same run through the built binary or in-process, the latter with the binary's environment and the load on the main event loop. */
async function runVia(binary: boolean, args: string[]): Promise<Finished> {
  if (binary) return runAiperf(args);
  const run = await runInProcess([...args, ...MAIN_LOOP_LOAD], { env: { ...(process.env as Record<string, string>), NO_COLOR: '1' } });
  return { ...run, signal: null };
}

// 20 s per request: no case but the stall is about the timeout (the stall sets a short one: what it checks is that
// the timeout fires and is recorded, not its length). The server shares this process's event loop with the
// concurrent runs, so a 1 ms drip can take seconds on a busy machine.
async function profileAgainst(dir: string, fault: Fault | ((i: number) => Fault), options: { binary?: boolean; timeoutSeconds?: number } = {}) {
  const server = await startFaultServer({ fault, tokens: 4, itlMs: 2 });
  try {
    const run = await runVia(options.binary ?? false, [
      'profile', '-m', 'm', '-u', server.url, '--streaming', '--concurrency', '2', '--request-count', '4', '--isl', '8', '--osl', '4',
      '--warmup-request-count', '0', '--request-timeout-seconds', String(options.timeoutSeconds ?? 20), '--artifact-dir', dir, '--ui', 'none',
      '--no-gpu-telemetry',
    ]);
    const records = readWholeJsonl(join(dir, 'profile_export.jsonl'));
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    return { run, records, summary };
  } finally {
    await server.close();
  }
}

// ESC, BEL, C1 CSI, NUL, CR and DEL: what retitles a window, clears a screen or rewrites a line.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/;

describe('a hostile server', () => {
  test.for(['status-500', 'status-429', 'reset', 'truncated-sse', 'malformed-sse', 'stall', 'huge-body'] as const)(
    '%s: every request is a recorded error, counts agree',
    async (fault, { tempDir, expect }) => {
      const stall = fault === 'stall';
      const { run, records, summary } = await profileAgainst(tempDir, fault, stall ? { binary: true, timeoutSeconds: 0.5 } : {});
      expect(run.signal).toBeNull();
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(1); // no request succeeded
      expect(records).toHaveLength(4);
      for (const r of records) expect(r.error, JSON.stringify(r).slice(0, 300)).not.toBeNull();
      expect(summary.error_request_count.avg).toBe(4);
      expect(run.stdout).toContain('Error Summary');
      expect(run.stdout).not.toMatch(CONTROL);
      for (const r of records) expect(r.error.message.length).toBeLessThanOrEqual(600);
    },
  );

  test('slow drips (one byte per write) still parse into whole responses', async ({ tempDir, expect }) => {
    const { run, records } = await profileAgainst(tempDir, 'slow-drip');
    expect(run.code, run.stderr).toBe(0);
    expect(records.map((r) => r.error)).toEqual([null, null, null, null]);
  });

  test('escape sequences in an error body never reach the terminal', async ({ tempDir, expect }) => {
    const { run, records } = await profileAgainst(tempDir, 'escape-body');
    expect(records[0]?.error.message).toContain('\x1b]0;pwned-title'); // the record keeps what the server sent
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain('bad');
    expect(run.stdout).toContain('thing');
    expect(run.stdout).not.toContain('pwned-title\x07');
    const log = readFileSync(join(tempDir, 'logs', 'aiperf.log'), 'utf8');
    expect(log).not.toMatch(CONTROL);
  });

  test('a mix of faults and good answers: the good ones are measured', async ({ tempDir, expect }) => {
    const faults: Fault[] = ['none', 'status-500', 'none', 'reset'];
    const { run, records, summary } = await profileAgainst(tempDir, (i) => faults[i % 4] as Fault);
    expect(run.code, run.stderr).toBe(0);
    expect(records.filter((r) => r.error === null)).toHaveLength(2);
    expect(summary.request_count.avg).toBe(2);
    expect(summary.error_request_count.avg).toBe(2);
  });
});
