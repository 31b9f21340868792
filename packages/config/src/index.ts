// Each schema is a value (typebox, for checks) and a type of the same name.
export {
  AiperfConfig,
  ArrivalPattern,
  ArtifactsConfig,
  BenchmarkConfig,
  EndpointConfig,
  EndpointTypeName,
  ExportLevel,
  InputConfig,
  LoadConfig,
  LogLevel,
  MultiRunConfig,
  OutputConfig,
  PlotEnvelope,
  RecipeConfig,
  SlaConfig,
  ReportingConfig,
  SweepConfig,
  TelemetryConfig,
  TimingMode,
  TokenDistribution,
  UiType,
} from './schema.js';
export type { RunConvergenceConfig, ServerMetricsConfig } from './schema.js';
export { CONVERGENCE_SCOPES, type ConvergenceScope } from './yaml-schema-convergence.js';
export type { CamelCase, ResolvedProperties } from './resolved.js';
export type { SettingPath } from './flag-types.js';
export { DEFAULTS } from './defaults.js';
export { type FlagDef, type FlagGroup, type FlagKind, FLAG_GROUPS, flagName } from './flag-types.js';
export { PROFILE_FLAGS, YAML_ONLY_KEYS, closestFlag, findFlag, flagForPath } from './flags.js';
export { type FlagValues, type FlagDocument, flagsToDocument } from './flag-values.js';
export { expandMultiValueArgs, redactedCommandLine } from './argv.js';
export { type ConfigIssue, UsageError, formatIssue, isUsageError } from './issues.js';
export { type ConfigSources, type ConfigResult, CONFIG_RULES, resolveConfig } from './resolve.js';
export type { ConfigRule, RuleContext } from './rules.js';
export { type LoadConfigOptions, loadConfig } from './load.js';
export { defaultConfig } from './default-config.js';
export { REDACTED, isSensitiveHeader, redactBenchmarkConfig, redactConfig, redactHeaders, redactUrl } from './redact.js';
export { configToDocument, configToYaml } from './to-yaml.js';
export { configJsonSchema } from './json-schema.js';
export { type RateSeriesSegment, parseRateSeries } from './rate-series.js';
export { SWEEP_PARAMETER_PATHS } from './yaml-schema-loadshape.js';
export { RECIPE_ALIASES, type SweepValue } from './yaml-schema-sweep.js';
export { type SweepTarget, acceptedSweepTarget, sweepTarget, sweptFlagTarget } from './sweep-paths.js';
export { didYouMean } from './suggest.js';
export { renderFlagHelp, renderFlagMarkdown } from './help.js';
export { normalizeTelemetryUrl, normalizeUrl } from './build.js';
export { YamlDocument } from './yaml-schema.js';
export { type ShardSpec, SHARD_DEFAULT_SEED, parseShard } from './shard.js';
export { DEFAULT_BARRIER_TIMEOUT_SECONDS } from './yaml-schema-distributed.js';
export { type SeqDistPair, parseSeqDist } from './seq-dist.js';
