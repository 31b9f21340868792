import { closestMatch } from './suggest.js';
import { DISTRIBUTED_FLAGS } from './flags-distributed.js';
import { WORKLOAD_ENDPOINT_FLAGS, WORKLOAD_INPUT_FLAGS } from './flags-workloads.js';
import { LOAD_SHAPE_FLAGS, SEARCH_FLAGS } from './flags-loadshape.js';
import { VARIANT_FLAGS } from './flags-sweep.js';
import { RUN_CONVERGENCE_FLAGS } from './flags-convergence.js';
import { DEFAULTS as D } from './defaults.js';
import { ENDPOINT_FLAGS } from './flags-endpoints.js';
import { RUN_CONTROL_LOAD_FLAGS, WAIT_FOR_MODEL_FLAGS } from './flags-run-control.js';
import { type FlagDef, type SettingPath, flagName, settingDefault } from './flag-types.js';
import { ARRIVAL_PATTERNS, CUSTOM_DATASET_TYPES, ENDPOINT_TYPES, EXPORT_LEVELS, LOG_LEVELS, MODEL_SELECTION_STRATEGIES, REPORT_FORMATS, SERVER_METRICS_FORMATS, SWEEP_MODES, UI_TYPES, URL_STRATEGIES } from './yaml-schema.js';

const oneOf = (values: readonly string[]) => values.join(' | ');

/**
 * Every `aiperf profile` flag: the profile command builds its options from this table, and `--help` and the
 * README are generated from it. `path` is the YAML key the flag overlays (typed: a path that is not a key of the
 * YAML schema does not compile), so a flag and its YAML key are one setting; help shows the key's schema default
 * unless `defaultText` says more.
 */
export const PROFILE_FLAGS: readonly FlagDef[] = [
  // General
  { key: 'configFile', names: ['-f', '--config'], path: null, kind: 'value', group: 'General', valueName: '<file>', description: 'YAML config file; flags given on the command line override its values' },
  { key: 'printConfig', names: ['--print-config'], path: null, kind: 'boolean', group: 'General', description: 'Print the resolved config as YAML (secrets redacted) and exit without running' },
  { key: 'plugin', names: ['--plugin'], path: 'plugins', kind: 'list', group: 'General', valueName: '<npm name|path>', description: 'Load an aiperf plugin (repeatable); installed packages that declare themselves plugins load without it' },
  // Endpoint
  { key: 'model', names: ['-m', '--model', '--model-names'], path: 'benchmark.models', kind: 'list', group: 'Endpoint', valueName: '<names>', required: true, description: 'Model name(s), comma list or repeated; the first names the artifact directory' },
  { key: 'modelSelectionStrategy', names: ['--model-selection-strategy'], path: 'benchmark.model_selection_strategy', kind: 'value', group: 'Endpoint', valueName: `<${oneOf(MODEL_SELECTION_STRATEGIES)}>`, description: 'How requests pick among several models' },
  { key: 'url', names: ['-u', '--url'], path: 'benchmark.endpoint.url', kind: 'list', group: 'Endpoint', valueName: '<url>', description: 'Server base URL; a URL without scheme gets http://; repeat it to spread requests over several servers' },
  { key: 'urlStrategy', names: ['--url-strategy'], path: 'benchmark.endpoint.url_strategy', kind: 'value', group: 'Endpoint', valueName: `<${oneOf(URL_STRATEGIES)}>`, description: 'How requests are spread over several --url: round_robin = session n goes to URL n mod count' },
  { key: 'endpointType', names: ['--endpoint-type'], path: 'benchmark.endpoint.type', kind: 'value', group: 'Endpoint', valueName: `<${oneOf(ENDPOINT_TYPES)}>`, description: 'API flavour; sets the request body shape and default path (a plugin may add types)' },
  { key: 'customEndpoint', names: ['--custom-endpoint', '--endpoint'], path: 'benchmark.endpoint.custom_path', kind: 'value', group: 'Endpoint', valueName: '<path>', defaultText: 'the endpoint type\'s path', description: "Override the endpoint type's default path (e.g. /v1/chat/completions)" },
  { key: 'streaming', names: ['--streaming'], path: 'benchmark.endpoint.streaming', kind: 'boolean', group: 'Endpoint', description: 'Stream responses (needed for TTFT/ITL); --no-streaming turns it off' },
  { key: 'requestTimeoutSeconds', names: ['--request-timeout-seconds'], path: 'benchmark.endpoint.timeout_seconds', kind: 'value', group: 'Endpoint', valueName: '<s>', description: 'Per-request timeout in seconds; timed-out requests count as errors' },
  { key: 'apiKey', names: ['--api-key'], path: 'benchmark.endpoint.api_key', kind: 'value', group: 'Endpoint', valueName: '<key>', env: 'AIPERF_API_KEY', secret: true, description: 'Sent as "Authorization: Bearer <key>"; falls back to $AIPERF_API_KEY; redacted in output' },
  { key: 'header', names: ['-H', '--header'], path: 'benchmark.endpoint.headers', kind: 'pairs', group: 'Endpoint', valueName: '<Name:Value…>', secret: true, description: 'Extra HTTP headers for every request (repeatable); auth headers are redacted in output' },
  { key: 'extraInputs', names: ['--extra-inputs'], path: 'benchmark.endpoint.extra_inputs', kind: 'pairs', jsonValues: true, group: 'Endpoint', valueName: '<key:value…>', description: 'Merged into every request body (e.g. ignore_eos:true min_tokens:200) or a JSON object; --endpoint-type template reads payload_template (Jinja body: text, max_tokens, model, passages, …), response_field and usage_field (JMESPath) from it' },
  { key: 'useLegacyMaxTokens', names: ['--use-legacy-max-tokens'], path: 'benchmark.endpoint.use_legacy_max_tokens', kind: 'boolean', group: 'Endpoint', description: 'Send max_tokens instead of max_completion_tokens' },
  ...WORKLOAD_ENDPOINT_FLAGS,
  { key: 'useServerTokenCount', names: ['--use-server-token-count'], path: 'benchmark.endpoint.use_server_token_count', kind: 'boolean', group: 'Endpoint', description: "Count tokens from the response's usage instead of the client tokenizer" },
  ...ENDPOINT_FLAGS,
  ...WAIT_FOR_MODEL_FLAGS,
  // Load
  { key: 'concurrency', names: ['--concurrency'], path: 'benchmark.load.concurrency', kind: 'value', commaList: true, group: 'Load', valueName: '<n[,n…]>', defaultText: String(D.concurrency), description: 'Max requests in flight; a comma list of ≥ 2 values runs a concurrency sweep' },
  { key: 'requestRate', names: ['--request-rate'], path: 'benchmark.load.request_rate', kind: 'value', group: 'Load', valueName: '<req/s[,…]>', description: 'Target request rate; selects request-rate mode (--concurrency then caps in-flight requests); a comma list sweeps it' },
  { key: 'arrivalPattern', names: ['--arrival-pattern', '--request-rate-mode'], path: 'benchmark.load.arrival_pattern', kind: 'value', group: 'Load', valueName: `<${oneOf(ARRIVAL_PATTERNS)}>`, description: 'Gaps between requests in request-rate mode' },
  { key: 'requestCount', names: ['--request-count', '--num-requests'], path: 'benchmark.load.request_count', kind: 'value', group: 'Load', valueName: '<n[,n…]>', defaultText: `max(${D.minimumRequestCount}, 2 × concurrency); ${D.requestRateRequestCount} with --request-rate`, description: 'Profiling requests to send; a comma list sweeps it' },
  { key: 'conversationNum', names: ['--conversation-num', '--num-conversations', '--num-sessions'], path: 'benchmark.load.conversation_num', kind: 'value', group: 'Load', valueName: '<n>', description: 'Multi-turn: sessions to start (each runs to its last turn unless --request-count, which counts every turn, runs out first)' },
  { key: 'fixedSchedule', names: ['--fixed-schedule'], path: 'benchmark.load.fixed_schedule', kind: 'boolean', group: 'Load', defaultText: 'on for mooncake_trace and bailian_trace datasets', description: "Send requests at the dataset's timestamps (ms); --no-fixed-schedule opts out" },
  { key: 'fixedScheduleAutoOffset', names: ['--fixed-schedule-auto-offset'], path: 'benchmark.load.fixed_schedule_auto_offset', kind: 'boolean', group: 'Load', description: 'Shift the schedule so the first timestamp is sent at once' },
  { key: 'fixedScheduleStartOffset', names: ['--fixed-schedule-start-offset'], path: 'benchmark.load.fixed_schedule_start_offset_ms', kind: 'value', group: 'Load', valueName: '<ms>', description: 'Replay only trace entries with timestamp ≥ this; the schedule starts here' },
  { key: 'fixedScheduleEndOffset', names: ['--fixed-schedule-end-offset'], path: 'benchmark.load.fixed_schedule_end_offset_ms', kind: 'value', group: 'Load', valueName: '<ms>', description: 'Replay only trace entries with timestamp ≤ this' },
  { key: 'benchmarkDuration', names: ['--benchmark-duration'], path: 'benchmark.load.benchmark_duration_seconds', kind: 'value', group: 'Load', valueName: '<s[,s…]>', description: 'Stop issuing requests after this many seconds (instead of a request count); a comma list sweeps it' },
  { key: 'benchmarkGracePeriod', names: ['--benchmark-grace-period'], path: 'benchmark.load.grace_period_seconds', kind: 'value', group: 'Load', valueName: '<s>', description: 'Wait this long for in-flight responses after the duration ends (needs --benchmark-duration)' },
  { key: 'warmupRequestCount', names: ['--warmup-request-count', '--num-warmup-requests'], path: 'benchmark.load.warmup_request_count', kind: 'value', group: 'Load', valueName: '<n>', description: 'Requests sent before profiling; excluded from metrics' },
  ...RUN_CONTROL_LOAD_FLAGS,
  { key: 'requestCancellationRate', names: ['--request-cancellation-rate'], path: 'benchmark.load.request_cancellation_rate', kind: 'value', group: 'Load', valueName: '<percent>', description: 'Percent (0, 100] of requests to cancel' },
  { key: 'requestCancellationDelay', names: ['--request-cancellation-delay'], path: 'benchmark.load.request_cancellation_delay_seconds', kind: 'value', group: 'Load', valueName: '<s>', description: 'Seconds after sending before a request is cancelled (needs --request-cancellation-rate)' },
  { key: 'timingMode', names: ['--timing-mode'], path: 'benchmark.load.timing_mode', kind: 'value', group: 'Load', valueName: '<name>', defaultText: 'from the options above', description: 'Timing strategy by name, e.g. one a plugin adds (built-in: concurrency, request_rate, fixed_schedule, user_centric)' },
  { key: 'workers', names: ['--workers'], path: 'benchmark.load.workers', kind: 'value', group: 'Load', valueName: '<n>', defaultText: 'one per CPU core less one (the main thread reads the answers) from 256 requests in flight or an uncapped rate; below that the main event loop, or one worker thread while the live dashboard or a metrics scrape shares it (an explicit 1 = the main event loop)', description: 'Worker threads issuing requests' },
  ...LOAD_SHAPE_FLAGS,
  // Input
  { key: 'isl', names: ['--isl', '--prompt-input-tokens-mean', '--synthetic-input-tokens-mean'], path: 'benchmark.input.input_tokens.mean', kind: 'value', group: 'Input', valueName: '<tokens[,…]>', description: 'Mean input (prompt) length of synthetic prompts; a comma list sweeps it' },
  { key: 'islStddev', names: ['--isl-stddev', '--prompt-input-tokens-stddev', '--synthetic-input-tokens-stddev'], path: 'benchmark.input.input_tokens.stddev', kind: 'value', group: 'Input', valueName: '<tokens>', description: 'Standard deviation of the input length' },
  { key: 'osl', names: ['--osl', '--prompt-output-tokens-mean', '--output-tokens-mean'], path: 'benchmark.input.output_tokens.mean', kind: 'value', group: 'Input', valueName: '<tokens[,…]>', defaultText: 'none: the server decides', description: 'Requested output length, sent as max_completion_tokens; a comma list sweeps it' },
  { key: 'oslStddev', names: ['--osl-stddev', '--prompt-output-tokens-stddev', '--output-tokens-stddev'], path: 'benchmark.input.output_tokens.stddev', kind: 'value', group: 'Input', valueName: '<tokens>', description: 'Standard deviation of the output length (needs --osl)' },
  { key: 'islBlockSize', names: ['--isl-block-size'], path: 'benchmark.input.isl_block_size', kind: 'value', group: 'Input', valueName: '<tokens>', defaultText: '512', description: 'mooncake_trace: prompt tokens per hash id (same id, same text)' },
  { key: 'numDatasetEntries', names: ['--num-dataset-entries', '--num-prompts'], path: 'benchmark.input.num_dataset_entries', kind: 'value', group: 'Input', valueName: '<n>', description: 'Unique prompts in the synthetic pool' },
  { key: 'inputFile', names: ['--input-file'], path: 'benchmark.input.input_file', kind: 'value', group: 'Input', valueName: '<file.jsonl>', description: 'Custom dataset (JSONL) instead of synthetic prompts' },
  { key: 'customDatasetType', names: ['--custom-dataset-type'], path: 'benchmark.input.custom_dataset_type', kind: 'value', group: 'Input', valueName: `<${oneOf(CUSTOM_DATASET_TYPES)}>`, defaultText: 'single_turn with --input-file', description: 'Format of --input-file (a plugin may add formats)' },
  { key: 'tokenizer', names: ['--tokenizer'], path: 'benchmark.input.tokenizer', kind: 'value', group: 'Input', valueName: '<hf-id|path|builtin>', defaultText: 'the model name', description: 'Hugging Face id (from the local HF cache, HF_HOME/HF_HUB_CACHE, or an npm tokenizer package), a tokenizer.json or its directory, or builtin (offline BPE); falls back to builtin with a warning' },
  { key: 'tokenizerRevision', names: ['--tokenizer-revision'], path: 'benchmark.input.tokenizer_revision', kind: 'value', group: 'Input', valueName: '<rev>', description: 'Hugging Face revision (branch, tag or commit) of --tokenizer in the local cache' },
  { key: 'applyChatTemplate', names: ['--apply-chat-template'], path: 'benchmark.input.apply_chat_template', kind: 'boolean', group: 'Input', description: "Count ISL over the prompt rendered with the tokenizer's chat template (when it has one)" },
  ...WORKLOAD_INPUT_FLAGS,
  { key: 'randomSeed', names: ['--random-seed'], path: 'random_seed', kind: 'value', group: 'Input', valueName: '<n>', description: 'Seed for prompts and timing; makes runs reproducible' },
  // Output
  { key: 'artifactDir', names: ['--artifact-dir', '--output-artifact-dir'], path: 'benchmark.artifacts.dir', kind: 'value', group: 'Output', valueName: '<dir>', defaultText: `${D.artifactDir}/<model>-<endpoint>-<load>`, description: 'Where results go; when given, files go directly into it' },
  { key: 'profileExportPrefix', names: ['--profile-export-prefix', '--profile-export-file'], path: 'benchmark.artifacts.prefix', kind: 'value', group: 'Output', valueName: '<name>', description: 'Base name for the export files instead of profile_export' },
  { key: 'exportLevel', names: ['--export-level', '--profile-export-level'], path: 'benchmark.artifacts.export_level', kind: 'value', group: 'Output', valueName: `<${oneOf(EXPORT_LEVELS)}>`, description: 'summary: JSON/CSV only; records: + per-request JSONL; raw: + raw exchanges' },
  { key: 'sliceDuration', names: ['--slice-duration'], path: 'benchmark.artifacts.slice_duration', kind: 'value', group: 'Output', valueName: '<s>', description: 'Also export metrics per time slice of this many seconds' },
  { key: 'goodput', names: ['--goodput'], path: 'benchmark.goodput', kind: 'pairs', wordList: true, group: 'Output', valueName: '"<tag:value …>"', description: 'Goodput SLOs, e.g. "time_to_first_token:100 inter_token_latency:10" (ms)' },
  // Telemetry
  { key: 'gpuTelemetry', names: ['--gpu-telemetry'], path: 'benchmark.gpu_telemetry', kind: 'optional-list', group: 'Telemetry', valueName: '[url …]', defaultText: 'default DCGM URLs, no console table', description: 'Show the GPU telemetry table; optional extra DCGM exporter URLs' },
  { key: 'noGpuTelemetry', names: ['--no-gpu-telemetry'], path: 'benchmark.gpu_telemetry', kind: 'boolean', group: 'Telemetry', description: 'Do not collect GPU telemetry at all' },
  // Server metrics (the inference server's own Prometheus /metrics)
  { key: 'serverMetrics', names: ['--server-metrics'], path: 'benchmark.server_metrics.urls', kind: 'list', group: 'Telemetry', valueName: '<url …>', defaultText: '<url>/metrics of the endpoint', description: 'Also scrape these Prometheus endpoints (host:port gets /metrics); the endpoint URL\'s /metrics is always scraped' },
  { key: 'noServerMetrics', names: ['--no-server-metrics'], path: 'benchmark.server_metrics.enabled', kind: 'boolean', group: 'Telemetry', description: 'Do not collect server metrics at all' },
  { key: 'serverMetricsInterval', names: ['--server-metrics-interval'], path: 'benchmark.server_metrics.interval_ms', kind: 'value', group: 'Telemetry', valueName: '<ms>', description: 'Server metrics scrape interval in ms' },
  { key: 'serverMetricsFormats', names: ['--server-metrics-formats'], path: 'benchmark.server_metrics.formats', kind: 'list', group: 'Telemetry', valueName: `<${oneOf(SERVER_METRICS_FORMATS)} …>`, description: 'Server metrics export files; jsonl (every raw scrape) and parquet grow with the run' },
  // UI
  { key: 'ui', names: ['--ui', '--ui-type'], path: 'benchmark.ui', kind: 'value', group: 'UI', valueName: `<${oneOf(UI_TYPES)}>`, defaultText: `${settingDefault('benchmark.ui')}; simple for multi-run and sweeps`, description: 'Progress display while the benchmark runs' },
  // Reporting (YAML benchmark.reporting)
  { key: 'statsInterval', names: ['--stats-interval'], path: 'benchmark.reporting.stats_interval', kind: 'value', group: 'UI', valueName: '<s>', description: 'With --ui simple: print live TTFT/ITL/latency percentiles and throughput every this many seconds' },
  { key: 'sweepTable', names: ['--sweep-table'], path: 'benchmark.reporting.sweep_table', kind: 'boolean', group: 'UI', description: 'Print a sweep row per cell as cells finish, then the whole table; --no-sweep-table turns it off' },
  { key: 'logLevel', names: ['--log-level'], path: 'benchmark.reporting.log_level', kind: 'value', group: 'UI', valueName: `<${oneOf(LOG_LEVELS)}>`, description: 'Least severe log lines shown on stderr and in logs/aiperf.log; -v = debug, -vv = trace' },
  { key: 'verbose', names: ['-v', '--verbose'], path: 'benchmark.reporting.log_level', kind: 'count', countValues: ['debug', 'trace'], group: 'UI', description: '-v: --log-level debug, -vv: trace; without --ui, the simple UI' },
  { key: 'report', names: ['--report'], path: 'benchmark.reporting.formats', kind: 'list', group: 'Output', valueName: `<${oneOf(REPORT_FORMATS)}>`, description: 'Also write a report: html = one self-contained report.html (tables, interactive charts, config, errors)' },
  { key: 'costPerHour', names: ['--gpu-cost-per-hour', '--cost-per-hour'], path: 'benchmark.reporting.cost_per_hour', kind: 'value', group: 'Output', valueName: '<usd>', description: 'Hourly price (USD) of the deployment under test: adds cost per 1M input/output tokens and per request' },
  // Multi-run & sweeps
  { key: 'numProfileRuns', names: ['--num-profile-runs'], path: 'multi_run.num_runs', kind: 'value', group: 'Multi-run & sweeps', valueName: '<1..10>', description: 'Repeat the benchmark and report confidence intervals' },
  { key: 'profileRunCooldownSeconds', names: ['--profile-run-cooldown-seconds'], path: 'multi_run.cooldown_seconds', kind: 'value', group: 'Multi-run & sweeps', valueName: '<s>', description: 'Pause between runs (needs --num-profile-runs > 1)' },
  { key: 'confidenceLevel', names: ['--confidence-level'], path: 'multi_run.confidence_level', kind: 'value', group: 'Multi-run & sweeps', valueName: '<0..1>', description: 'Confidence level of the reported intervals' },
  { key: 'profileRunDisableWarmupAfterFirst', names: ['--profile-run-disable-warmup-after-first'], path: 'multi_run.disable_warmup_after_first', kind: 'boolean', group: 'Multi-run & sweeps', description: 'Warm up only before the first run; --no-profile-run-disable-warmup-after-first warms up before every run' },
  { key: 'setConsistentSeed', names: ['--set-consistent-seed'], path: 'multi_run.set_consistent_seed', kind: 'boolean', group: 'Multi-run & sweeps', description: 'Use seed 42 across runs when --random-seed is not given; --no-set-consistent-seed turns it off' },
  { key: 'parameterSweepMode', names: ['--parameter-sweep-mode'], path: 'sweep.mode', kind: 'value', group: 'Multi-run & sweeps', valueName: `<${oneOf(SWEEP_MODES)}>`, description: 'repeated: runs loop outside the sweep; independent: each value runs all its trials' },
  { key: 'parameterSweepCooldownSeconds', names: ['--parameter-sweep-cooldown-seconds'], path: 'sweep.cooldown_seconds', kind: 'value', group: 'Multi-run & sweeps', valueName: '<s>', description: 'Pause between sweep values' },
  { key: 'parameterSweepSameSeed', names: ['--parameter-sweep-same-seed'], path: 'sweep.same_seed', kind: 'boolean', group: 'Multi-run & sweeps', description: 'Same seed for every sweep value instead of seed + index (needs --random-seed)' },
  { key: 'recipe', names: ['--recipe', '--search-recipe'], path: 'recipe.name', kind: 'value', group: 'Multi-run & sweeps', valueName: '<name>', description: 'Run a search recipe (e.g. concurrency-ramp) that plans the sweep; AIPerf\'s recipe names are accepted too (see aiperf profile --help)' },
  { key: 'recipeParam', names: ['--recipe-param'], path: 'recipe.params', kind: 'pairs', separator: '=', jsonValues: true, group: 'Multi-run & sweeps', valueName: '<key=value…>', description: 'Recipe parameter (repeatable)' },
  ...VARIANT_FLAGS,
  ...DISTRIBUTED_FLAGS,
  ...SEARCH_FLAGS,
  ...RUN_CONVERGENCE_FLAGS,
  // Auto-plot
  { key: 'autoPlot', names: ['--auto-plot'], path: 'benchmark.artifacts.auto_plot', kind: 'boolean', group: 'Auto-plot', defaultText: 'on with a plot: section or a recipe that asks for it', description: 'Plot the results when the run ends; --no-auto-plot turns it off' },
  { key: 'plotRequired', names: ['--plot-required'], path: 'benchmark.artifacts.plot_required', kind: 'boolean', group: 'Auto-plot', description: 'Fail the run (non-zero exit) when auto-plot fails' },
];

export function findFlag(key: string): FlagDef {
  const flag = PROFILE_FLAGS.find((f) => f.key === key);
  if (!flag) throw new Error(`unknown flag key ${key}`);
  return flag;
}

/** The flag name closest to a mistyped one (`--concurency` → `--concurrency`), or null. */
export function closestFlag(typed: string, flags: readonly FlagDef[] = PROFILE_FLAGS): string | null {
  const longNames = flags.flatMap((f) => f.names.filter((n) => n.startsWith('--')));
  const candidates = [...longNames, ...flags.filter((f) => f.kind === 'boolean').map((f) => `--no-${f.names.at(-1)?.replace(/^--/, '')}`)];
  return closestMatch(typed, candidates);
}

/** The canonical flag that sets a YAML path, if any (used to tell the user what to add). */
export function flagForPath(path: string, flags: readonly FlagDef[] = PROFILE_FLAGS): string | null {
  const flag = flags.find((f) => f.path === path && f.kind !== 'boolean');
  return flag ? flagName(flag) : null;
}

/** YAML keys without a flag of their own, and why (every other key has one; a test checks both ways). */
export const YAML_ONLY_KEYS: Readonly<Partial<Record<SettingPath, string>>> = {
  schema_version: 'the version of the file format, meaningless on a command line',
  'benchmark.input.random_seed': 'the same setting as random_seed (--random-seed)',
  'sweep.concurrency': 'on the command line a sweep is --concurrency with a comma list (1,4,8)',
  'sweep.parameters': 'on the command line a sweep is a comma list on a sweepable flag (--request-rate 5,10, --isl 128,512 …)',
  variants: 'named scenarios are a mapping of settings; --variant chooses among them',
  plot: 'a plot configuration is a document: inline in the YAML, or a file for `aiperf plot --config`',
};
