import { type Static, type TLiteral, type TSchema, Type } from '@sinclair/typebox';
import { withDefault as Def } from './resolved.js';
import { ENDPOINT_INPUT_KEYS } from './yaml-schema-endpoints.js';
import { RUN_CONTROL_KEYS } from './yaml-schema-run-control.js';
import { YamlDistributed } from './yaml-schema-distributed.js';
import { WORKLOAD_ENDPOINT_KEYS, WORKLOAD_INPUT_ALIASES, WORKLOAD_INPUT_KEYS } from './yaml-schema-workloads.js';
import { VARIANT_SWEEP_KEYS, YamlVariants } from './yaml-schema-sweep.js';
import { LOAD_SHAPE_ALIASES, LOAD_SHAPE_KEYS, SWEEP_KEYS, YamlConvergence, YamlSla } from './yaml-schema-loadshape.js';

/**
 * THE schema of aiperf's settings: the YAML file (`-f/--config`), snake_case canonical (camelCase keys are
 * accepted and normalized while checking). Every key is optional in the file; `Def(schema, value)` gives a key
 * its default. The resolved config (`schema.ts`) is derived from these mappings by one generic rule (camelCase
 * keys; a default fills a missing value, anything else without one is null), CLI flags write into this same
 * shape (`flags.ts`, paths typed against it), and `--print-config` writes it back.
 *
 * Adding a setting: one key here (with its default) and one row in `flags.ts`.
 *
 * `x-aliases` maps an alternative key to its canonical key; giving both is an error.
 */

const Opt = <T extends TSchema>(schema: T) => Type.Optional(schema);
const Enum = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);
const Mapping = <T extends Record<string, TSchema>>(props: T, aliases: Record<string, string> = {}) =>
  Type.Object(props, { additionalProperties: false, ...(Object.keys(aliases).length > 0 ? { 'x-aliases': aliases } : {}) });
/** Seconds; also accepts strings like `"30s"`, `"5m"`, `"500ms"`. */
const Seconds = (opts: { minimum?: number; exclusiveMinimum?: number }) => Type.Number({ ...opts, 'x-duration': true });

export const ENDPOINT_TYPES = [
  'chat', 'completions', 'embeddings', 'messages', 'responses', 'huggingface_generate', 'chat_embeddings',
  'nim_rankings', 'hf_tei_rankings', 'cohere_rankings', 'template',
] as const;
export const ARRIVAL_PATTERNS = ['constant', 'poisson', 'gamma'] as const;
export const CUSTOM_DATASET_TYPES = ['single_turn', 'multi_turn', 'mooncake_trace', 'inputs_json', 'bailian_trace', 'burst_gpt_trace', 'random_pool', 'sharegpt'] as const;
export const EXPORT_LEVELS = ['summary', 'records', 'raw'] as const;
export const UI_TYPES = ['dashboard', 'simple', 'none'] as const;
export const MODEL_SELECTION_STRATEGIES = ['round_robin', 'random'] as const;
export const SWEEP_MODES = ['repeated', 'independent'] as const;
export const LOG_LEVELS = ['error', 'warning', 'info', 'debug', 'trace'] as const;
export const REPORT_FORMATS = ['html'] as const;
export const SERVER_METRICS_FORMATS = ['json', 'csv', 'jsonl', 'parquet'] as const;
export const URL_STRATEGIES = ['round_robin'] as const;

const PositiveInt = Type.Integer({ minimum: 1 });
const InputTokens = Mapping({ mean: Opt(Def(PositiveInt, 550)), stddev: Opt(Def(Type.Number({ minimum: 0 }), 0)) });
/** No default mean: without one the server decides the output length. */
export const YamlOutputTokens = Mapping({ mean: Opt(PositiveInt), stddev: Opt(Def(Type.Number({ minimum: 0 }), 0)) });

export const YamlEndpoint = Mapping(
  {
    /** One server URL, or a list: requests are spread over them (`url_strategy`). */
    url: Opt(Def(Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })]), 'http://localhost:8000')),
    url_strategy: Opt(Def(Enum(URL_STRATEGIES), 'round_robin')),
    /** chat, completions, embeddings, messages, …, or one a plugin adds (checked against the registry when the run starts). */
    type: Opt(Def(Type.String({ minLength: 1, examples: [...ENDPOINT_TYPES] }), 'chat')),
    custom_path: Opt(Type.String({ minLength: 1 })),
    streaming: Opt(Def(Type.Boolean(), false)),
    api_key: Opt(Type.String()),
    headers: Opt(Def(Type.Record(Type.String(), Type.String()), {})),
    extra_inputs: Opt(Def(Type.Record(Type.String(), Type.Unknown()), {})),
    timeout_seconds: Opt(Def(Seconds({ exclusiveMinimum: 0 }), 21_600)),
    use_legacy_max_tokens: Opt(Def(Type.Boolean(), false)),
    use_server_token_count: Opt(Def(Type.Boolean(), false)),
    ...WORKLOAD_ENDPOINT_KEYS,
  },
  { timeout: 'timeout_seconds', custom_endpoint: 'custom_path' },
);

export const YamlLoad = Mapping(
  {
    /** One value, or a list of ≥ 2 distinct values (a concurrency sweep). */
    concurrency: Opt(Type.Union([PositiveInt, Type.Array(PositiveInt, { minItems: 1 })])),
    request_rate: Opt(Type.Number({ exclusiveMinimum: 0 })),
    arrival_pattern: Opt(Def(Enum(ARRIVAL_PATTERNS), 'poisson')),
    request_count: Opt(PositiveInt),
    benchmark_duration_seconds: Opt(Seconds({ exclusiveMinimum: 0 })),
    grace_period_seconds: Opt(Def(Seconds({ minimum: 0 }), 30)),
    warmup_request_count: Opt(Def(Type.Integer({ minimum: 0 }), 0)),
    request_cancellation_rate: Opt(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
    request_cancellation_delay_seconds: Opt(Def(Seconds({ minimum: 0 }), 0)),
    workers: Opt(PositiveInt),
    /** Multi-turn: sessions to start; `request_count` then counts every turn. */
    conversation_num: Opt(PositiveInt),
    fixed_schedule: Opt(Type.Boolean()),
    /** A timing strategy by name (a plugin's); checked against the registry when the run starts. */
    timing_mode: Opt(Type.String({ minLength: 1 })),
    fixed_schedule_auto_offset: Opt(Def(Type.Boolean(), false)),
    fixed_schedule_start_offset_ms: Opt(Type.Number({ minimum: 0 })),
    fixed_schedule_end_offset_ms: Opt(Type.Number({ minimum: 0 })),
    ...LOAD_SHAPE_KEYS,
  },
  {
    ...LOAD_SHAPE_ALIASES,
    rate: 'request_rate',
    requests: 'request_count',
    duration: 'benchmark_duration_seconds',
    grace_period: 'grace_period_seconds',
    request_cancellation_delay: 'request_cancellation_delay_seconds',
    num_sessions: 'conversation_num',
    num_conversations: 'conversation_num',
  },
);

export const YamlInput = Mapping({
  input_tokens: Opt(InputTokens),
  /** `null` = let the server decide the output length. */
  output_tokens: Opt(Type.Union([YamlOutputTokens, Type.Null()])),
  num_dataset_entries: Opt(Def(PositiveInt, 100)),
  input_file: Opt(Type.String({ minLength: 1 })),
  /** A built-in format or one a plugin adds (checked against the dataset-loader registry when the run starts). */
  custom_dataset_type: Opt(Type.String({ minLength: 1, examples: [...CUSTOM_DATASET_TYPES] })),
  isl_block_size: Opt(PositiveInt),
  /** A Hugging Face id, a tokenizer.json path or `builtin`; unset = the model name (AIPerf's default). */
  tokenizer: Opt(Type.String({ minLength: 1 })),
  tokenizer_revision: Opt(Def(Type.String({ minLength: 1 }), 'main')),
  apply_chat_template: Opt(Def(Type.Boolean(), false)),
  random_seed: Opt(Type.Integer()),
  ...ENDPOINT_INPUT_KEYS,
  ...WORKLOAD_INPUT_KEYS,
}, WORKLOAD_INPUT_ALIASES);

export const YamlArtifacts = Mapping({
  dir: Opt(Type.String({ minLength: 1 })),
  prefix: Opt(Type.String({ minLength: 1 })),
  export_level: Opt(Def(Enum(EXPORT_LEVELS), 'records')),
  slice_duration: Opt(Seconds({ exclusiveMinimum: 0 })),
  auto_plot: Opt(Type.Boolean()),
  plot_required: Opt(Def(Type.Boolean(), false)),
});

/** How results are reported besides the exports: live stats, console tables, the log, cost, report files. */
export const YamlReporting = Mapping({
  /** USD per hour of the serving deployment; adds cost per 1M tokens and per request. */
  cost_per_hour: Opt(Type.Number({ exclusiveMinimum: 0 })),
  /** `simple` UI: print a block of live metrics this often. */
  stats_interval: Opt(Seconds({ exclusiveMinimum: 0 })),
  /** Multi-cell sweeps: print each cell's row as it finishes. */
  sweep_table: Opt(Def(Type.Boolean(), true)),
  log_level: Opt(Def(Enum(LOG_LEVELS), 'info')),
  /** Extra report files written after the run. */
  formats: Opt(Def(Type.Array(Enum(REPORT_FORMATS)), [])),
});

export const YamlTelemetry = Mapping({
  enabled: Opt(Type.Boolean()),
  urls: Opt(Type.Array(Type.String({ minLength: 1 }))),
  interval_ms: Opt(Def(Type.Number({ exclusiveMinimum: 0 }), 333)),
});

/** The inference server's own Prometheus metrics (on unless `enabled: false`). */
export const YamlServerMetrics = Mapping({
  enabled: Opt(Def(Type.Boolean(), true)),
  urls: Opt(Def(Type.Array(Type.String({ minLength: 1 })), [])),
  interval_ms: Opt(Def(Type.Number({ exclusiveMinimum: 0 }), 333)),
  formats: Opt(Def(Type.Array(Enum(SERVER_METRICS_FORMATS), { minItems: 1 }), ['json', 'csv'])),
});

export const YamlBenchmark = Mapping(
  {
    models: Opt(Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })])),
    model_selection_strategy: Opt(Def(Enum(MODEL_SELECTION_STRATEGIES), 'round_robin')),
    endpoint: Opt(YamlEndpoint),
    load: Opt(YamlLoad),
    input: Opt(YamlInput),
    artifacts: Opt(YamlArtifacts),
    /** Goodput SLOs: metric tag → threshold in the metric's display unit. */
    goodput: Opt(Def(Type.Record(Type.String(), Type.Number()), {})),
    /** `true`/`false`, a list of DCGM URLs, or `{enabled, urls, interval_ms}`. */
    gpu_telemetry: Opt(Type.Union([Type.Boolean(), Type.Array(Type.String({ minLength: 1 })), YamlTelemetry])),
    server_metrics: Opt(YamlServerMetrics),
    ui: Opt(Def(Enum(UI_TYPES), 'dashboard')),
    reporting: Opt(YamlReporting),
    ...RUN_CONTROL_KEYS,
    /** Shards of one run (several processes or a Kubernetes Indexed Job) and their common start. */
    distributed: Opt(YamlDistributed),
  },
  // `phases` as one mapping is the spec's single profiling phase; its keys (`rate`, `requests`, …) are load aliases.
  { model: 'models', dataset: 'input', phases: 'load', slos: 'goodput', ui_type: 'ui' },
);

export const YamlSweep = Mapping(
  {
    concurrency: Opt(Type.Array(PositiveInt, { minItems: 2 })),
    mode: Opt(Def(Enum(SWEEP_MODES), 'repeated')),
    cooldown_seconds: Opt(Def(Seconds({ minimum: 0 }), 0)),
    same_seed: Opt(Def(Type.Boolean(), false)),
    ...SWEEP_KEYS,
    ...VARIANT_SWEEP_KEYS,
  },
  { iteration_order: 'mode' },
);

export const YamlMultiRun = Mapping(
  {
    num_runs: Opt(Def(Type.Integer({ minimum: 1, maximum: 10 }), 1)),
    cooldown_seconds: Opt(Def(Seconds({ minimum: 0 }), 0)),
    confidence_level: Opt(Def(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }), 0.95)),
    disable_warmup_after_first: Opt(Def(Type.Boolean(), true)),
    set_consistent_seed: Opt(Def(Type.Boolean(), true)),
    convergence: Opt(YamlConvergence),
  },
  { num_profile_runs: 'num_runs' },
);

export const YamlRecipe = Type.Union([
  Type.String({ minLength: 1 }),
  Mapping({ name: Type.String({ minLength: 1 }), params: Opt(Type.Record(Type.String(), Type.Unknown())) }),
]);

/** Inline plot config (validated later by @aiperf/plot; must not be empty) or a path to a plot-config YAML. */
export const YamlPlot = Type.Union([Type.String({ minLength: 1 }), Type.Record(Type.String(), Type.Unknown(), { minProperties: 1 })], {
  'x-expected': 'an inline plot config (a mapping with visualization:) or the path of a plot-config YAML',
});

export const YamlDocument = Mapping({
  schema_version: Opt(Type.Union([Type.Literal('2.0'), Type.Literal(2)])),
  benchmark: Opt(YamlBenchmark),
  sweep: Opt(YamlSweep),
  /** Named scenarios: name → settings → value (see `sweep.variant`). */
  variants: Opt(YamlVariants),
  multi_run: Opt(YamlMultiRun),
  recipe: Opt(YamlRecipe),
  sla: Opt(YamlSla),
  random_seed: Opt(Type.Integer()),
  plot: Opt(YamlPlot),
  /** aiperf plugins by npm name or path (relative to this file). */
  plugins: Opt(Type.Array(Type.String({ minLength: 1 }))),
});

export type YamlDocument = Static<typeof YamlDocument>;
export type YamlBenchmark = Static<typeof YamlBenchmark>;
