import { Slots, sleepUntilPerfNs } from '../timing/sleep.js';
import type { PhasePlan, SendFn } from './issue-phase.js';
import type { TurnPacing } from './session.js';

export interface UserPlan {
  count: number;
  gapNs: number;
  /** This issuer takes users issuer, issuer + issuers, … (each thread runs its own users). */
  issuer: number;
  issuers: number;
}

/**
 * Of a session of `turns` turns, what user `user` of `users` sends as its first session: the session as if the
 * user had joined part-way through it (virtual history), so sessions end, and new users replace them, spread over
 * the run from the start instead of all at once. User 0 runs a whole session; user u skips ⌊u·turns/users⌋ of its
 * turns (at least one is left). Pure.
 */
export function firstSessionTurns(user: number, users: number, turns: number): number {
  return Math.max(1, turns - Math.floor((user * turns) / users));
}

/**
 * User-centric issuing. Every request of a user — each turn of its session — is due `gap` after its previous one
 * (gap = num_users / rate), or as soon as the previous answer arrives when that took longer, the user's clock then
 * restarting from there (no burst to catch up); the dataset's own turn delays do not apply. User u first sends at
 * u × gap / count (staggered, so the total rate is even from the start). When a user's session ends a new session
 * takes its place on the next due time, and the first sessions are cut to their last turns (virtual history), so
 * the mix of new and continuing sessions is steady from the start. Users never wait for each other. Due times
 * are absolute, so lateness is measured as in rate mode.
 */
export async function issueUsers(plan: PhasePlan, users: UserPlan, send: SendFn, onIssuingStopped?: () => void): Promise<void> {
  const slots = new Slots(plan.maxInFlight);
  const stop = plan.stopSignal;
  const gapNs = BigInt(Math.round(users.gapNs));
  const pastDuration = (dueNs: bigint) => plan.durationNs !== null && Number(dueNs - plan.startPerfNs) >= plan.durationNs;
  const runUser = async (user: number) => {
    let dueNs = plan.startPerfNs + BigInt(Math.round((user * users.gapNs) / users.count));
    // The next due time: a gap after the last one, or now when the answer came later than that.
    const advance = () => {
      const nextNs = dueNs + gapNs;
      const nowNs = process.hrtime.bigint();
      dueNs = nextNs > nowNs ? nextNs : nowNs;
    };
    let firstSession = true;
    while (!stop.aborted) {
      if (pastDuration(dueNs)) return;
      await sleepUntilPerfNs(dueNs, stop);
      if (stop.aborted) return;
      const index = plan.claimIndex();
      if (index === null || (plan.requestCount !== null && index >= plan.requestCount)) return;
      const acquired = slots.acquire(stop);
      if (acquired !== true && !(await acquired)) return;
      const joinedPartWay = firstSession;
      const pacing: TurnPacing = {
        async nextTurn() {
          advance();
          if (pastDuration(dueNs)) return null;
          await sleepUntilPerfNs(dueNs, stop);
          return stop.aborted ? null : dueNs;
        },
        turnsToSend: (turns) => (joinedPartWay ? firstSessionTurns(user, users.count, turns) : turns),
      };
      firstSession = false;
      try {
        await send(index, dueNs, undefined, pacing);
      } finally {
        slots.release();
      }
      advance();
    }
  };
  const loops: Promise<void>[] = [];
  for (let user = users.issuer; user < users.count; user += users.issuers) loops.push(runUser(user));
  await Promise.all(loops);
  onIssuingStopped?.();
}
