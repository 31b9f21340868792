import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { issuePhase, stridedClaim } from './issue-phase.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('issuePhase', () => {
  it('stops an unscheduled phase at its duration even when garbage collection runs meanwhile', async () => {
    const stopSignal = new AbortController().signal;
    let sent = 0;
    const collecting = setInterval(gc, 5);
    const phase = issuePhase(
      { startPerfNs: process.hrtime.bigint(), requestCount: null, durationNs: 100e6, schedule: null, maxInFlight: 2, claimIndex: stridedClaim(0, 1), stopSignal },
      async () => {
        sent += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    );
    const outcome = await Promise.race([phase.then(() => 'stopped'), new Promise((resolve) => setTimeout(resolve, 3_000, 'still running'))]);
    clearInterval(collecting);
    expect(outcome).toBe('stopped');
    expect(sent).toBeGreaterThan(2);
  });
});
