import type { AiperfConfig } from '@aiperf/config';
import type { MultiPlan } from './plan.js';

/** Seconds to wait before run `index`: the sweep cooldown between variations, the multi-run cooldown between trials. */
export function cooldownBefore(plan: MultiPlan, config: AiperfConfig, index: number): number {
  const previous = plan.runs[index - 1];
  const current = plan.runs[index];
  if (!previous || !current) return 0;
  const sweepCooldown = plan.sweep?.cooldownSeconds ?? 0;
  const trialCooldown = config.multiRun.cooldownSeconds;
  const newTrial = previous.trial !== current.trial;
  const newVariation = previous.variation !== current.variation;
  if (newTrial && newVariation) return plan.sweep?.mode === 'independent' ? sweepCooldown : trialCooldown;
  return newTrial ? trialCooldown : newVariation ? sweepCooldown : 0;
}
