import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { until } from '@aiperf/test-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SENDS_PER_TICK, issuePhase, stridedClaim } from './issue-phase.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('issuePhase', () => {
  afterEach(() => vi.useRealTimers());

  // On the fake clock (setTimeout and process.hrtime), with full garbage collections while the phase runs (early,
  // halfway and just before the duration): a stop timer held only weakly (AbortSignal.timeout under
  // AbortSignal.any) would be collected and the phase would never end. Three, not one per 5 ms: each collects the
  // test worker's whole heap (~100 ms of CPU with the shared module graph), and one after the timer exists is
  // what can collect it.
  it('stops an unscheduled phase at its duration even when garbage collection runs meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'hrtime'] });
    const stopSignal = new AbortController().signal;
    let sent = 0;
    let stopped = false;
    const phase = issuePhase(
      { startPerfNs: process.hrtime.bigint(), requestCount: null, durationNs: 100e6, schedule: null, maxInFlight: 2, claimIndex: stridedClaim(0, 1), stopSignal },
      async () => {
        sent += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    ).then(() => (stopped = true));
    for (let ms = 5; ms < 100; ms += 5) {
      if (ms === 5 || ms === 50) gc();
      await vi.advanceTimersByTimeAsync(5);
    }
    expect(stopped).toBe(false);
    gc();
    await vi.advanceTimersByTimeAsync(6);
    await until(() => stopped, () => `the phase still runs after its 100 ms (${sent} sent)`, 3_000);
    await phase;
    // Two in flight, each answered 1 ms later: about two sends per ms of the phase.
    expect(sent).toBeGreaterThan(100);
  });
});

describe('issuePhase at a huge concurrency', () => {
  // Requests that are never answered: what is measured is how many sends start before the loop turns.
  const neverAnswered = () => new Promise<void>(() => {});
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  async function sendsBeforeStop(plan: { startPerfNs: bigint; schedule: ((index: number) => number) | null; maxInFlight: number | null }) {
    const stopper = new AbortController();
    let sent = 0;
    let stoppedIssuing = false;
    // Queued before the phase starts, so it runs at the loop's first turn: as soon as issuing yields.
    setImmediate(() => stopper.abort());
    void issuePhase(
      { ...plan, requestCount: 1_000_000, durationNs: null, claimIndex: stridedClaim(0, 1), stopSignal: stopper.signal },
      () => {
        sent += 1;
        return neverAnswered();
      },
      () => (stoppedIssuing = true),
    );
    await turn();
    await turn();
    return { sent, stoppedIssuing };
  }

  it('--concurrency 1000000: starts at most MAX_SENDS_PER_TICK sends per loop turn, so a stop is seen at once', async () => {
    const outcome = await sendsBeforeStop({ startPerfNs: process.hrtime.bigint(), schedule: null, maxInFlight: 1_000_000 });
    expect(outcome).toEqual({ sent: MAX_SENDS_PER_TICK, stoppedIssuing: true });
  });

  it('a schedule far behind (every send overdue) also yields every MAX_SENDS_PER_TICK sends', async () => {
    const tenSecondsAgo = process.hrtime.bigint() - 10_000_000_000n;
    const outcome = await sendsBeforeStop({ startPerfNs: tenSecondsAgo, schedule: (index) => index * 1000, maxInFlight: null });
    expect(outcome).toEqual({ sent: MAX_SENDS_PER_TICK, stoppedIssuing: true });
  });
});
