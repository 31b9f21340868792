import { type TLiteral, Type } from '@sinclair/typebox';
import { withDefault as Def } from './resolved.js';

/**
 * Run control: a warmup with its own stop condition and load, readiness polling before the run, and the stop on
 * too many failed requests. Kept apart from `yaml-schema.ts` (which spreads `RUN_CONTROL_KEYS` into
 * `benchmark`) so that settings added by other areas merge without conflicts.
 */

const Opt = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) => Type.Optional(schema);
const Enum = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);
/** Seconds; also accepts strings like `"30s"`, `"5m"`, `"500ms"`. */
const Seconds = (opts: { minimum?: number; exclusiveMinimum?: number }) => Type.Number({ ...opts, 'x-duration': true });

/** models: GET /v1/models lists the model; inference: a one-token request answers; both: the first, then the second. */
export const WAIT_FOR_MODEL_MODES = ['models', 'inference', 'both'] as const;

/**
 * `benchmark.warmup`: besides `benchmark.load.warmup_request_count`, a warmup by time, and the warmup's own load
 * (each unset key takes the profiling value). Warmup ends at whichever stop condition comes first.
 */
export const YamlWarmup = Type.Object(
  {
    duration_seconds: Opt(Seconds({ exclusiveMinimum: 0 })),
    /** Multi-turn: warm up with this many whole sessions (every turn of each). */
    num_sessions: Opt(Type.Integer({ minimum: 1 })),
    concurrency: Opt(Type.Integer({ minimum: 1 })),
    request_rate: Opt(Type.Number({ exclusiveMinimum: 0 })),
    /** One of `benchmark.load.arrival_pattern`'s values (checked by a rule: that list lives in the main schema). */
    arrival_pattern: Opt(Type.String({ minLength: 1 })),
    /** After a timed warmup stops sending, wait at most this long for its answers (unset: wait for all). */
    grace_period_seconds: Opt(Seconds({ minimum: 0 })),
    /** The warmup's own ramps and prefill cap (unset: the profiling values). */
    concurrency_ramp_duration_seconds: Opt(Seconds({ exclusiveMinimum: 0 })),
    request_rate_ramp_duration_seconds: Opt(Seconds({ exclusiveMinimum: 0 })),
    prefill_concurrency: Opt(Type.Integer({ minimum: 1 })),
    prefill_concurrency_ramp_duration_seconds: Opt(Seconds({ exclusiveMinimum: 0 })),
  },
  {
    additionalProperties: false,
    'x-aliases': {
      duration: 'duration_seconds', grace_period: 'grace_period_seconds', concurrency_ramp_duration: 'concurrency_ramp_duration_seconds',
      request_rate_ramp_duration: 'request_rate_ramp_duration_seconds', prefill_concurrency_ramp_duration: 'prefill_concurrency_ramp_duration_seconds',
    },
  },
);

/** `benchmark.wait_for_model`: poll the server until the model answers before anything is sent (timeout 0 = off). */
export const YamlWaitForModel = Type.Object(
  {
    timeout_seconds: Opt(Def(Seconds({ minimum: 0 }), 0)),
    mode: Opt(Def(Enum(WAIT_FOR_MODEL_MODES), 'inference')),
    interval_seconds: Opt(Def(Seconds({ exclusiveMinimum: 0 }), 5)),
  },
  { additionalProperties: false, 'x-aliases': { timeout: 'timeout_seconds', interval: 'interval_seconds' } },
);

/** The `benchmark` keys of run control. */
export const RUN_CONTROL_KEYS = {
  warmup: Opt(YamlWarmup),
  wait_for_model: Opt(YamlWaitForModel),
  /** Stop profiling once this fraction of the finished requests failed (0..1; unset: never). */
  failed_request_threshold: Opt(Type.Number({ minimum: 0, maximum: 1 })),
};
