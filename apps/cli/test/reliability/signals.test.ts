// SIGINT and SIGTERM at random points of a run stop it cleanly: summary and CSV written, exit 130/143, and every
// request the server answered before the signal is in the JSONL; the summary's request counts equal the JSONL lines.
// Not a timing test: the signal point is an event (the n-th answered request), and nothing is bounded in time, so
// these run in the parallel e2e group. SIGKILL's bounded loss is the timing test `signals.timing.test.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAiperf, waitFor } from './cli-process.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { missingRecords, profileArgs, signalRun } from './signal-run.js';

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ tokens: 6, itlMs: 4 });
});
afterAll(async () => {
  await server.close();
});

describe.each(['SIGINT', 'SIGTERM'] as const)('%s at a random point of a run', (signal) => {
  const seeds = [Math.floor(Math.random() * 1e6), Math.floor(Math.random() * 1e6)];
  it.each(seeds)(`keeps every answered request (seed %i)`, async (seed) => {
    const run = await signalRun(server, signal, seed);
    const { dir, finished, answeredBefore, records } = run;
    expect(missingRecords(run), `requests answered before ${signal} but not in the JSONL`).toEqual([]);
    expect(answeredBefore.length).toBeGreaterThan(0);
    expect(finished.code, finished.stderr).toBe(EXIT_CODES[signal]);
    expect(finished.stderr).toContain('Stopping');
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
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
    server.answered.clear();
    const run = startAiperf(profileArgs(server, dir));
    await waitFor(() => server.answered.size >= 3);
    run.child.kill('SIGTERM');
    await waitFor(() => run.stderr().includes('Stopping'));
    run.child.kill('SIGTERM');
    const finished = await run.done;
    expect(finished.code).toBe(143);
  });
});
