// SIGINT and SIGTERM at random points of a run stop it cleanly (summary and CSV written, exit 130/143), losing
// nothing: every JSONL line is whole, every request the server answered before the signal is in the JSONL, and the
// summary's request counts equal the JSONL lines. A second signal exits at once without writing. These are the
// suite's Ctrl+C tests (the built binary: a real process and a real signal). No wall-clock bound, so they run in
// the parallel e2e group; SIGKILL's bounded loss is `signals.timing.test.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { startAiperf, waitFor } from './cli-process.js';
import { profileArgs, readJson, signalRun, useSignalServer } from './signal-run.js';

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
const { server, dirs } = useSignalServer();
const stoppingLine = (signal: NodeJS.Signals) =>
  `Stopping: waiting for in-flight requests and writing the results completed so far (${signal === 'SIGINT' ? 'Ctrl+C' : signal} again to quit at once)`;

describe.each(['SIGINT', 'SIGTERM'] as const)('%s at a random point of a run', (signal) => {
  const seeds = [Math.floor(Math.random() * 1e6), Math.floor(Math.random() * 1e6)];
  it.each(seeds)(`keeps every answered request (seed %i)`, async (seed) => {
    const { dir, finished, answeredBefore, records, missing } = await signalRun(server(), dirs, signal, seed);
    expect(missing, `requests answered before ${signal} but not in the JSONL`).toEqual([]);
    expect(answeredBefore.length).toBeGreaterThan(0);
    expect(finished.code, finished.stderr).toBe(EXIT_CODES[signal]);
    expect(finished.stderr).toContain(stoppingLine(signal));
    expect(finished.stderr).not.toContain('Interrupted again');
    expect(finished.stdout).toContain('(cancelled early)');
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.was_cancelled).toBe(true);
    const errors = summary.error_request_count?.avg ?? 0;
    expect(summary.request_count.avg + errors).toBe(records.length);
    expect(summary.request_count.avg).toBe(records.filter((r) => r.error === null).length);
    const csv = readFileSync(join(dir, 'profile_export_aiperf.csv'), 'utf8');
    expect(csv).toContain('Request Count');
    expect(existsSync(join(dir, 'logs', 'aiperf.log'))).toBe(true);
  });
});

describe('a second signal', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s twice exits at once with %i, without writing results', async (signal, code) => {
    // Slow tokens (200 × 200 ms): draining the in-flight requests takes far longer than the test, so the second
    // signal lands while the first one's drain is still waiting.
    const slow = await startMockServer({ port: 0, host: '127.0.0.1', ttftMs: 20, itlMs: 200 });
    try {
      const dir = await makeTempDir('aiperf-signal-twice-');
      dirs.push(dir);
      const run = startAiperf(profileArgs(slow.url, dir, 200));
      // Signal only once requests are in flight (the handler is installed by then).
      await waitFor(() => slow.stats().requests.active > 0 || run.child.exitCode !== null);
      run.child.kill(signal);
      await waitFor(() => run.stderr().includes('Stopping:') || run.child.exitCode !== null);
      run.child.kill(signal);
      const finished = await run.done;
      expect(finished.code, finished.stderr).toBe(code);
      expect(finished.stderr).toContain(stoppingLine(signal));
      expect(finished.stderr).toContain('Interrupted again; exiting without writing results.');
      expect(existsSync(join(dir, 'profile_export_aiperf.json'))).toBe(false);
    } finally {
      await slow.close();
    }
  });
});

describe('SIGINT in the second run of a multi-run that issues from worker threads', () => {
  it('stops with 130, keeps the first run, and the process ends (its kept threads hold nothing open)', async () => {
    const dir = await makeTempDir('aiperf-signal-multi-');
    dirs.push(dir);
    server().answered.clear();
    // 1-second runs; two issuing threads, which the runs take from one pool and give back.
    const args = profileArgs(server().url, dir).map((arg, i, all) => (all[i - 1] === '--benchmark-duration' ? '1' : arg));
    const run = startAiperf([...args, '--num-profile-runs', '3', '--workers', '2']);
    const firstSummary = join(dir, 'profile_runs', 'run_0001', 'profile_export_aiperf.json');
    await waitFor(() => existsSync(firstSummary) || run.child.exitCode !== null);
    const answeredInFirst = server().answered.size;
    await waitFor(() => server().answered.size >= answeredInFirst + 10 || run.child.exitCode !== null);
    run.child.kill('SIGINT');
    const finished = await run.done;
    expect(finished.code, finished.stderr).toBe(130);
    expect(finished.stderr).toContain(stoppingLine('SIGINT'));
    expect(readJson(firstSummary).was_cancelled).toBeFalsy();
    expect(readJson(join(dir, 'profile_runs', 'run_0002', 'profile_export_aiperf.json')).was_cancelled).toBe(true);
    expect(existsSync(join(dir, 'profile_runs', 'run_0003'))).toBe(false);
  });
});
