import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { startCapacityRamp } from '../timing/ramp.js';
import type { SendSchedule } from '../timing/schedule.js';
import { Slots, sleepUntilPerfNs } from '../timing/sleep.js';
import type { TurnPacing } from './session.js';

/**
 * Most sends started in one turn of the event loop. Free slots and overdue schedule entries resolve as microtasks,
 * so without a cap a --concurrency of 50,000 (or a rate run far behind) starts every send before any socket write,
 * timer, worker message or signal handler runs: nothing leaves for seconds and Ctrl+C is not seen. After this many
 * the loop yields (setImmediate), so earlier requests hit the wire and a stop is noticed within one batch. A send
 * costs tens of µs, so a batch holds the loop for a few ms at most; a wave of 1,000 streams takes a handful of
 * turns, which is what the sockets need anyway.
 */
export const MAX_SENDS_PER_TICK = 128;

/** One issuer's share of a phase (the main thread's, or one worker thread's). */
export interface PhasePlan {
  /** Monotonic start of the phase, shared by all issuers so their schedules line up. */
  startPerfNs: bigint;
  /** Global request count of the phase, or null when bounded by duration. */
  requestCount: number | null;
  /** Stop issuing once this long after the start, or null. */
  durationNs: number | null;
  schedule: SendSchedule | null;
  /** This issuer's in-flight cap, or null. */
  maxInFlight: number | null;
  /** Raise the in-flight cap from 1 to `maxInFlight` over this long (--concurrency-ramp-duration), or null. */
  maxInFlightRampNs?: number | null;
  /** This issuer's cap on requests still waiting for their first response bytes (--prefill-concurrency), or null. */
  prefillCap?: number | null;
  prefillRampNs?: number | null;
  /** The next global request index for this issuer (strided or from a shared counter), or null when none is left. */
  claimIndex(): number | null;
  /**
   * A shard's request k is request globalIndex(k) of the whole run: its schedule slot and what it sends follow
   * the global index (absent = the same index).
   */
  globalIndex?: (localIndex: number) => number;
  /** Stops issuing (Ctrl+C). In-flight requests are the caller's business. */
  stopSignal: AbortSignal;
}

/**
 * Sends request `index`; `duePerfNs` is when the schedule wanted it sent (null when unscheduled). The request
 * calls `onFirstResponse` when its first response bytes arrive (its prefill is over). `pacing` (user-centric
 * mode) times a multi-turn session's later turns.
 */
export type SendFn = (index: number, duePerfNs: bigint | null, onFirstResponse?: () => void, pacing?: TurnPacing) => Promise<void>;

/**
 * Issues requests per the plan and resolves once issuing has stopped and every sent request has settled.
 * `onIssuingStopped` fires when the last request has been sent, so the caller can start a grace timer.
 */
export async function issuePhase(plan: PhasePlan, send: SendFn, onIssuingStopped?: () => void): Promise<void> {
  const slots = new Slots(plan.maxInFlight);
  // Without a prefill cap there is no gate (and no per-request callback for it).
  const prefill = plan.prefillCap ? new Slots(plan.prefillCap) : null;
  const stopRamps = [
    plan.maxInFlight !== null && plan.maxInFlightRampNs ? startCapacityRamp(slots, plan.maxInFlight, plan.maxInFlightRampNs, plan.startPerfNs) : null,
    prefill && plan.prefillCap && plan.prefillRampNs ? startCapacityRamp(prefill, plan.prefillCap, plan.prefillRampNs, plan.startPerfNs) : null,
  ];
  const settled = new Settled();
  const elapsedNs = () => Number(process.hrtime.bigint() - plan.startPerfNs);
  // Unscheduled runs stop at the duration by the wall clock, also while waiting for a free slot. A plain timer
  // and controller: AbortSignal.any() holds its sources weakly, so an AbortSignal.timeout() passed to it can be
  // garbage-collected before it fires, and the phase then never ends.
  const stopping = new AbortController();
  const stop = stopping.signal;
  const onStop = () => stopping.abort();
  if (plan.stopSignal.aborted) stopping.abort();
  else plan.stopSignal.addEventListener('abort', onStop, { once: true });
  const durationTimer =
    !plan.schedule && plan.durationNs !== null
      ? setTimeout(onStop, Math.max(0, Math.ceil((plan.durationNs - elapsedNs()) / 1e6)))
      : null;
  // Sends started since the loop last waited for I/O (a slot wait or a sleep that crossed a turn resets it).
  let sendsThisTick = 0;
  // A free slot is taken without a promise (an await per send costs a promise and a microtask each time); only a
  // real wait is awaited.
  const acquire = (from: Slots = slots): true | Promise<boolean> => {
    const acquired = from.acquire(stop);
    if (acquired === true) return true;
    sendsThisTick = 0;
    return acquired;
  };
  let acquired: true | Promise<boolean>;
  while (!stop.aborted) {
    if (sendsThisTick >= MAX_SENDS_PER_TICK) {
      await nextMacrotask();
      sendsThisTick = 0;
      if (stop.aborted) break;
    }
    // Without a schedule the slot comes first: an index claimed while waiting for a slot would be held back
    // from issuers (threads) that have a free slot, leaving the final wave short of the concurrency.
    if (!plan.schedule && (acquired = acquire()) !== true && !(await acquired)) break;
    const index = plan.claimIndex();
    if (index === null || (plan.requestCount !== null && index >= plan.requestCount)) {
      if (!plan.schedule) slots.release();
      break;
    }
    const runIndex = plan.globalIndex ? plan.globalIndex(index) : index;
    let dueNs: bigint | null = null;
    if (plan.schedule) {
      const offsetNs = plan.schedule(runIndex);
      // Scheduled runs send every request due before the duration even when behind, so R req/s for D s is
      // R×D requests and any lag shows up as lateness.
      if (plan.durationNs !== null && offsetNs >= plan.durationNs) break;
      dueNs = plan.startPerfNs + BigInt(Math.round(offsetNs));
      if (dueNs > process.hrtime.bigint()) sendsThisTick = 0;
      await sleepUntilPerfNs(dueNs, stop);
      if ((acquired = acquire()) !== true && !(await acquired)) break;
    }
    if (prefill) {
      // The prefill gate comes last: a request holds it only from its send to its first response bytes.
      if (((acquired = acquire(prefill)) !== true && !(await acquired)) || stop.aborted) {
        slots.release();
        break;
      }
      sendsThisTick += 1;
      let prefilling = true;
      const prefillDone = () => {
        if (prefilling) prefill.release();
        prefilling = false;
      };
      settled.track(send(runIndex, dueNs, prefillDone), () => {
        prefillDone();
        slots.release();
      });
    } else {
      if (stop.aborted) {
        slots.release();
        break;
      }
      sendsThisTick += 1;
      settled.track(send(runIndex, dueNs), () => slots.release());
    }
  }
  if (durationTimer) clearTimeout(durationTimer);
  for (const stopRamp of stopRamps) stopRamp?.();
  plan.stopSignal.removeEventListener('abort', onStop);
  onIssuingStopped?.();
  await settled.all();
}

/**
 * The sends in flight as a count, not a set of their promises: one callback pair per send, no set entry to add
 * and delete. `all()` resolves once every tracked send has settled, or rejects with the first failure.
 */
class Settled {
  private count = 0;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  track(request: Promise<void>, release: () => void): void {
    this.count += 1;
    const done = () => {
      release();
      if (--this.count === 0) this.wake?.();
    };
    request.then(done, (error: unknown) => {
      this.failure ??= { error };
      done();
    });
  }

  async all(): Promise<void> {
    if (this.count > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure.error;
  }
}

/** Indices k, k+N, k+2N… for issuer k of N (request-rate mode: each issuer keeps the global schedule). */
export function stridedClaim(issuer: number, issuers: number): () => number {
  let next = issuer;
  return () => {
    const index = next;
    next += issuers;
    return index;
  };
}

/** Indices from a counter shared by all issuers (concurrency mode: whoever has a free slot takes the next one). */
export function sharedClaim(counter: Int32Array): () => number {
  return () => Atomics.add(counter, 0, 1);
}
