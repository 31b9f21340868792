// SIGKILL at random points of a run loses at most the last ~100 ms: every JSONL line is whole, and every request the
// server answered more than SIGKILL_LOSS_MS before the kill is in the JSONL. A timing test (serial group): the bound
// is wall-clock time, which other test files' CPU would stretch. SIGINT/SIGTERM are `signals.test.ts`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { missingRecords, signalRun } from './signal-run.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ tokens: 6, itlMs: 4 });
});
afterAll(async () => {
  await server.close();
});

describe('SIGKILL at a random point of a run', () => {
  const seeds = [Math.floor(Math.random() * 1e6), Math.floor(Math.random() * 1e6)];
  it.each(seeds)(`keeps every answered request (seed %i)`, async (seed) => {
    const run = await signalRun(server, 'SIGKILL', seed);
    expect(missingRecords(run), 'requests answered before SIGKILL but not in the JSONL').toEqual([]);
    expect(run.answeredBefore.length).toBeGreaterThan(0);
    expect(run.finished.signal).toBe('SIGKILL');
  });
});
