import type { Slots } from './sleep.js';

/** A cap raised from 1 to `target` in even +1 steps over `durationNs` (AIPerf's discrete concurrency ramp). */
export function rampedCapacity(target: number, durationNs: number, elapsedNs: number): number {
  if (target <= 1 || elapsedNs >= durationNs) return target;
  return Math.min(target, 1 + Math.floor(((target - 1) * Math.max(0, elapsedNs)) / durationNs));
}

/**
 * Raises `slots` to `target` on the ramp's steps, each at its absolute time after `startPerfNs` (a late timer
 * catches up to the step due, it never shifts the rest). Returns the function that stops the ramp early.
 */
export function startCapacityRamp(slots: Slots, target: number, durationNs: number, startPerfNs: bigint): () => void {
  let timer: NodeJS.Timeout | undefined;
  const stepNs = durationNs / Math.max(1, target - 1);
  const tick = () => {
    const elapsedNs = Number(process.hrtime.bigint() - startPerfNs);
    const capacity = rampedCapacity(target, durationNs, elapsedNs);
    slots.setCapacity(capacity);
    if (capacity >= target) return;
    const nextNs = (capacity) * stepNs;
    timer = setTimeout(tick, Math.max(0, Math.ceil((nextNs - elapsedNs) / 1e6)));
  };
  tick();
  return () => clearTimeout(timer);
}
