import type { ResolvedOptions } from './options.js';
import type { Rng } from '@aiperf/stats';

/** Which faults hit one request. Drawn in a fixed order so a seed gives the same faults every run. */
export interface FaultPlan {
  errorStatus: number | undefined;
  resetAfterTokens: number | undefined;
  malformedSseAfterTokens: number | undefined;
  stall: { afterTokens: number; ms: number } | undefined;
  headerDelayMs: number;
}

export type FaultName = 'httpError' | 'reset' | 'malformedSse' | 'stall' | 'headerDelay';

export function planFaults(options: ResolvedOptions, rng: Rng): FaultPlan {
  // Always draw all five numbers, whatever is configured, so one fault's setting never shifts another's draws.
  const draws = [rng.next(), rng.next(), rng.next(), rng.next(), rng.next()] as const;
  const hit = (draw: number, rate: number) => rate > 0 && draw < rate;
  return {
    errorStatus: hit(draws[0], options.errorRate) ? options.errorStatus : undefined,
    resetAfterTokens:
      options.resetAfterTokens >= 0 && hit(draws[1], options.resetRate) ? options.resetAfterTokens : undefined,
    malformedSseAfterTokens:
      options.malformedSseAfterTokens >= 0 && hit(draws[2], options.malformedSseRate)
        ? options.malformedSseAfterTokens
        : undefined,
    stall:
      options.stallMs > 0 && hit(draws[3], options.stallRate)
        ? { afterTokens: options.stallAfterTokens, ms: options.stallMs }
        : undefined,
    headerDelayMs: options.headerDelayMs > 0 && hit(draws[4], options.headerDelayRate) ? options.headerDelayMs : 0,
  };
}
