import { type TLiteral, Type } from '@sinclair/typebox';
import { withDefault as Def } from './resolved.js';

/**
 * Convergence within one run: the `multi_run.convergence` keys that choose it and tune it. Kept apart from
 * `yaml-schema-loadshape.ts` (which spreads them into `YamlConvergence`) so that areas merge without conflicts.
 */

const Opt = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(schema);
const Enum = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

/** runs: stop adding runs once the runs agree; run: stop the profiling phase once its own samples pin the statistic. */
export const CONVERGENCE_SCOPES = ['runs', 'run'] as const;
export type ConvergenceScope = (typeof CONVERGENCE_SCOPES)[number];

export const RUN_CONVERGENCE_KEYS = {
  /** Unset: `runs` with more than one profile run, else `run`. */
  scope: Opt(Enum(CONVERGENCE_SCOPES)),
  /** Within a run: values of the metric before the margin is judged. */
  min_samples: Opt(Def(Type.Integer({ minimum: 2 }), 50)),
  /** Within a run: seconds between judgements (the interval is computed off the request path, on this timer). */
  check_interval_seconds: Opt(Def(Type.Number({ exclusiveMinimum: 0, 'x-duration': true }), 1)),
};

/** The resolved within-run convergence (`benchmark.convergence`), or null when the run does not stop on it. */
export const RunConvergence = Type.Object({
  /** A record metric's tag, e.g. `time_to_first_token`. */
  metric: Type.String({ minLength: 1 }),
  stat: Type.String({ minLength: 1 }),
  /** Stop once the CI half-width / the statistic is at or below this. */
  threshold: Type.Number({ exclusiveMinimum: 0 }),
  confidenceLevel: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  minSamples: Type.Integer({ minimum: 2 }),
  checkIntervalSeconds: Type.Number({ exclusiveMinimum: 0 }),
});
