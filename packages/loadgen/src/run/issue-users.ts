import { Slots, sleepUntilPerfNs } from '../timing/sleep.js';
import type { PhasePlan, SendFn } from './issue-phase.js';

export interface UserPlan {
  count: number;
  gapNs: number;
  /** This issuer takes users issuer, issuer + issuers, … (each thread runs its own users). */
  issuer: number;
  issuers: number;
}

/**
 * User-centric issuing: user u first sends at u × gap / count (staggered, so the total rate is even from the
 * start), then every `gap` after its previous send — or as soon as its previous answer arrives when that took
 * longer, the user's clock then restarting from there (no burst to catch up). Each user waits for its own
 * answer; users never wait for each other. Due times are absolute, so lateness is measured as in rate mode.
 */
export async function issueUsers(plan: PhasePlan, users: UserPlan, send: SendFn, onIssuingStopped?: () => void): Promise<void> {
  const slots = new Slots(plan.maxInFlight);
  const stop = plan.stopSignal;
  const runUser = async (user: number) => {
    let dueNs = plan.startPerfNs + BigInt(Math.round((user * users.gapNs) / users.count));
    while (!stop.aborted) {
      if (plan.durationNs !== null && Number(dueNs - plan.startPerfNs) >= plan.durationNs) return;
      await sleepUntilPerfNs(dueNs, stop);
      if (stop.aborted) return;
      const index = plan.claimIndex();
      if (index === null || (plan.requestCount !== null && index >= plan.requestCount)) return;
      const acquired = slots.acquire(stop);
      if (acquired !== true && !(await acquired)) return;
      try {
        await send(index, dueNs, () => {});
      } finally {
        slots.release();
      }
      const nextNs = dueNs + BigInt(Math.round(users.gapNs));
      const nowNs = process.hrtime.bigint();
      dueNs = nextNs > nowNs ? nextNs : nowNs;
    }
  };
  const loops: Promise<void>[] = [];
  for (let user = users.issuer; user < users.count; user += users.issuers) loops.push(runUser(user));
  await Promise.all(loops);
  onIssuingStopped?.();
}
