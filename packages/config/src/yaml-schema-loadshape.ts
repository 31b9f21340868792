import { type TLiteral, Type } from '@sinclair/typebox';
import { withDefault as Def } from './resolved.js';
import { RUN_CONVERGENCE_KEYS } from './yaml-schema-convergence.js';
import { YamlSweepValue } from './yaml-schema-sweep.js';

/**
 * The load-shaping, sweep, SLA-search and convergence keys, kept apart from `yaml-schema.ts` (which spreads them
 * into its mappings) so that settings added by other areas merge without conflicts.
 */

const Opt = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(schema);
const Enum = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);
/** Seconds; also accepts strings like `"30s"`, `"5m"`, `"500ms"`. */
const Seconds = () => Type.Number({ exclusiveMinimum: 0, 'x-duration': true });
const PositiveInt = Type.Integer({ minimum: 1 });

export const SWEEP_TYPES = ['grid', 'zip'] as const;
export const CONVERGENCE_MODES = ['ci_width', 'cv'] as const;
export const CONVERGENCE_STATS = ['avg', 'p50', 'p90', 'p95', 'p99'] as const;

/** `benchmark.load` keys: arrival shape, ramps, prefill concurrency, user-centric rate. */
export const LOAD_SHAPE_KEYS = {
  /** Gamma shape of the gaps between arrivals (1 = Poisson, < 1 bursty, > 1 smoother); implies `gamma` arrivals. */
  arrival_smoothness: Opt(Type.Number({ exclusiveMinimum: 0 })),
  /** Piecewise request rates: `"rate:seconds,rate:seconds,…"`; the last rate holds (its duration may be left out). */
  request_rate_series: Opt(Type.String({ minLength: 1 })),
  request_rate_ramp_duration_seconds: Opt(Seconds()),
  concurrency_ramp_duration_seconds: Opt(Seconds()),
  /** Cap on requests sent but not yet answered with a first token. */
  prefill_concurrency: Opt(PositiveInt),
  prefill_concurrency_ramp_duration_seconds: Opt(Seconds()),
  /** User-centric mode: requests per second over all users; each user sends every num_users / rate seconds. */
  user_centric_rate: Opt(Type.Number({ exclusiveMinimum: 0 })),
  num_users: Opt(PositiveInt),
};

export const LOAD_SHAPE_ALIASES: Record<string, string> = {
  vllm_burstiness: 'arrival_smoothness',
  smoothness: 'arrival_smoothness',
  request_rate_ramp_duration: 'request_rate_ramp_duration_seconds',
  rate_ramp: 'request_rate_ramp_duration_seconds',
  concurrency_ramp_duration: 'concurrency_ramp_duration_seconds',
  concurrency_ramp: 'concurrency_ramp_duration_seconds',
  prefill_concurrency_ramp_duration: 'prefill_concurrency_ramp_duration_seconds',
  prefill_ramp: 'prefill_concurrency_ramp_duration_seconds',
  users: 'num_users',
};

/** `sweep` keys beyond the concurrency list: any sweepable parameter, crossed (grid) or paired (zip). */
export const SWEEP_KEYS = {
  /** Parameter name (`request_rate`, `isl`, `osl`, `concurrency`, …) → the values to run. */
  parameters: Opt(Type.Record(Type.String({ minLength: 1 }), Type.Array(YamlSweepValue, { minItems: 1 }))),
  type: Opt(Def(Enum(SWEEP_TYPES), 'grid')),
};

/** `multi_run.convergence`: stop adding runs once the metric is known well enough. */
export const YamlConvergence = Type.Object(
  {
    metric: Opt(Type.String({ minLength: 1 })),
    stat: Opt(Def(Enum(CONVERGENCE_STATS), 'avg')),
    mode: Opt(Def(Enum(CONVERGENCE_MODES), 'ci_width')),
    /** ci_width: CI half-width / mean; cv: std / mean. Stop once below. */
    threshold: Opt(Def(Type.Number({ exclusiveMinimum: 0 }), 0.05)),
    min_runs: Opt(Def(Type.Integer({ minimum: 2 }), 3)),
    ...RUN_CONVERGENCE_KEYS,
  },
  { additionalProperties: false },
);

/** Top-level `sla:` — the service levels the SLA search recipes hold a run to. */
export const YamlSla = Type.Object(
  {
    ttft_ms: Opt(Type.Number({ exclusiveMinimum: 0 })),
    itl_ms: Opt(Type.Number({ exclusiveMinimum: 0 })),
    e2e_ms: Opt(Type.Number({ exclusiveMinimum: 0 })),
    /** Fraction (0, 1) of requests allowed to fail. */
    error_rate: Opt(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 })),
    /** max-goodput-under-slo: the fraction of requests that must meet every SLO. */
    slo_attainment_fraction: Opt(Def(Type.Number({ exclusiveMinimum: 0, maximum: 1 }), 0.95)),
  },
  { additionalProperties: false, 'x-aliases': { tpot_ms: 'itl_ms' } },
);

/** The parameters a sweep may vary (by AIPerf's names) and the YAML key each one sets. */
export const SWEEP_PARAMETER_PATHS: Readonly<Record<string, string>> = {
  concurrency: 'benchmark.load.concurrency',
  request_rate: 'benchmark.load.request_rate',
  isl: 'benchmark.input.input_tokens.mean',
  osl: 'benchmark.input.output_tokens.mean',
  benchmark_duration: 'benchmark.load.benchmark_duration_seconds',
  request_count: 'benchmark.load.request_count',
  prefill_concurrency: 'benchmark.load.prefill_concurrency',
  num_users: 'benchmark.load.num_users',
  arrival_smoothness: 'benchmark.load.arrival_smoothness',
};
