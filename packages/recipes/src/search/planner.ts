/** What one probe showed: whether it met every SLA, its objective (throughput, goodput) and its latency. */
export interface ProbeVerdict {
  value: number;
  passed: boolean;
  objective: number | null;
  latencyMs: number | null;
}

/**
 * Saturation (GuideLLM's over-saturation stop): the objective rose by less than `gain` × the relative rise in load
 * (doubling the load with gain 0.25 must lift throughput ≥ 25%) while latency rose by more than `latencyRise`.
 */
export interface SaturationRule {
  gain: number;
  latencyRise: number;
}

/**
 * Bracket then bisect over an integer parameter (monotone SLA: passes up to a boundary, fails past it): probe
 * `min`, double while probes pass (the top once, exactly, when doubling overshoots), then bisect between the
 * highest pass and the lowest failure until they are `step` apart. A doubling that no longer raises the
 * objective while latency climbs is saturation: more load cannot help, so it counts as the failure that ends
 * the bracket. O(log range) probes instead of a grid's range / step.
 */
export class BracketBisectPlanner {
  private readonly verdicts: ProbeVerdict[] = [];
  reason: string | null = null;

  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly step: number,
    private readonly saturation: SaturationRule | null,
  ) {}

  get history(): readonly ProbeVerdict[] {
    return this.verdicts;
  }

  /** The next value to probe, or null when done (`reason` says why). */
  next(): number | null {
    if (this.reason !== null) return null;
    const passes = this.verdicts.filter((v) => v.passed).map((v) => v.value);
    const fails = this.verdicts.filter((v) => !v.passed).map((v) => v.value);
    if (this.verdicts.length === 0) return this.min;
    const best = passes.length > 0 ? Math.max(...passes) : null;
    const lowestFail = fails.length > 0 ? Math.min(...fails) : null;
    if (best === null) return this.done('no_pass_in_range');
    if (lowestFail === null) {
      if (best >= this.max) return this.done('no_failure_in_range');
      return Math.min(this.max, best * 2);
    }
    if (lowestFail - best <= this.step) return this.done('precision_reached');
    return Math.floor((best + lowestFail) / 2);
  }

  /** Records a probe; a pass past saturation is turned into a failure with its reason. */
  tell(verdict: ProbeVerdict): { saturated: boolean } {
    const previous = this.verdicts.filter((v) => v.passed && v.value < verdict.value).at(-1);
    const saturated = verdict.passed && previous !== undefined && this.isSaturated(previous, verdict);
    this.verdicts.push(saturated ? { ...verdict, passed: false } : verdict);
    return { saturated };
  }

  private isSaturated(before: ProbeVerdict, after: ProbeVerdict): boolean {
    if (!this.saturation || before.objective === null || after.objective === null || before.latencyMs === null || after.latencyMs === null) return false;
    if (before.objective <= 0 || before.latencyMs <= 0) return false;
    const loadRise = after.value / before.value - 1;
    return after.objective < before.objective * (1 + this.saturation.gain * loadRise) && after.latencyMs > before.latencyMs * (1 + this.saturation.latencyRise);
  }

  private done(reason: string): null {
    this.reason = reason;
    return null;
  }
}
