/**
 * Defaults that are not one key's value in the YAML schema (those are declared there, with the key): the
 * fallbacks of values the rules in `rules.ts` derive from other settings, and the artifact base directory.
 */
export const DEFAULTS = {
  artifactDir: './artifacts',
  /** Concurrency mode without a concurrency given. */
  concurrency: 1,
  /** Request-rate mode without a count or duration. */
  requestRateRequestCount: 10,
  /** Concurrency mode: request count = max(this, 2 × concurrency) unless a duration is given. */
  minimumRequestCount: 10,
} as const;
