// SIGKILL at random points of a run loses at most the last ~100 ms: every JSONL line is whole, and every request
// the server answered more than SIGKILL_LOSS_MS before the kill is in the JSONL. A timing test (serial group): the
// bound is on the wall clock (the record sink's 100 ms flush). SIGINT/SIGTERM, whose checks have no wall-clock
// bound (nothing answered before the signal is lost at all), are `signals.test.ts` in the parallel e2e group.
import { describe, expect, it } from 'vitest';
import { SIGKILL_LOSS_MS, signalRun, useSignalServer } from './signal-run.js';

const { server, dirs } = useSignalServer();

describe('SIGKILL at a random point of a run', () => {
  const seeds = [Math.floor(Math.random() * 1e6), Math.floor(Math.random() * 1e6)];
  it.each(seeds)(`keeps every request answered ${SIGKILL_LOSS_MS} ms before it (seed %i)`, async (seed) => {
    const { finished, answeredBefore, missing } = await signalRun(server(), dirs, 'SIGKILL', seed);
    expect(missing, 'requests answered before SIGKILL but not in the JSONL').toEqual([]);
    expect(answeredBefore.length).toBeGreaterThan(0);
    expect(finished.signal).toBe('SIGKILL');
  });
});
