// SIGINT and SIGTERM at random points of a run stop it cleanly (summary and CSV written, exit 130/143), losing
// nothing: every JSONL line is whole, every request the server answered before the signal is in the JSONL, and the
// summary's request counts equal the JSONL lines. No wall-clock bound, so these run in the parallel e2e group;
// SIGKILL's bounded loss is `signals.timing.test.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { startAiperf, waitFor } from './cli-process.js';
import { profileArgs, readJson, signalRun, useSignalServer } from './signal-run.js';

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
const { server, dirs } = useSignalServer();

describe.each(['SIGINT', 'SIGTERM'] as const)('%s at a random point of a run', (signal) => {
  const seeds = [Math.floor(Math.random() * 1e6), Math.floor(Math.random() * 1e6)];
  it.each(seeds)(`keeps every answered request (seed %i)`, async (seed) => {
    const { dir, finished, answeredBefore, records, missing } = await signalRun(server(), dirs, signal, seed);
    expect(missing, `requests answered before ${signal} but not in the JSONL`).toEqual([]);
    expect(answeredBefore.length).toBeGreaterThan(0);
    expect(finished.code, finished.stderr).toBe(EXIT_CODES[signal]);
    expect(finished.stderr).toContain('Stopping');
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.was_cancelled).toBe(true);
    const errors = summary.error_request_count?.avg ?? 0;
    expect(summary.request_count.avg + errors).toBe(records.length);
    const csv = readFileSync(join(dir, 'profile_export_aiperf.csv'), 'utf8');
    expect(csv).toContain('Request Count');
    expect(existsSync(join(dir, 'logs', 'aiperf.log'))).toBe(true);
  });
});

describe('a second signal', () => {
  it('SIGTERM then SIGTERM exits at once with 143', async () => {
    const dir = await makeTempDir('aiperf-signal-twice-');
    dirs.push(dir);
    server().answered.clear();
    const run = startAiperf(profileArgs(server().url, dir));
    await waitFor(() => server().answered.size >= 3);
    run.child.kill('SIGTERM');
    await waitFor(() => run.stderr().includes('Stopping'));
    run.child.kill('SIGTERM');
    const finished = await run.done;
    expect(finished.code).toBe(143);
  });
});
