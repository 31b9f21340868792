import { DEFAULTS as D } from './defaults.js';
import type { AiperfConfig } from './schema.js';
import { dumpYaml } from './yaml-text.js';

type Doc = Record<string, unknown>;

/** Free-form mappings: written as they are (their keys and null values belong to the user). */
const RAW_KEYS = new Set(['plot', 'headers', 'extra_inputs', 'goodput', 'params']);

/** Drops keys whose value is null/undefined or an empty mapping, so the YAML shows only what matters. */
function compact(doc: Doc): Doc {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value === null || value === undefined) continue;
    const isMap = typeof value === 'object' && !Array.isArray(value);
    const inner = isMap && !RAW_KEYS.has(key) ? compact(value as Doc) : value;
    if (isMap && Object.keys(inner as Doc).length === 0) continue;
    out[key] = inner;
  }
  return out;
}

/**
 * The resolved config as a YAML document (recipes.md §11 shape, snake_case) that `resolveConfig` maps back to
 * the same config. Derived values are written explicitly, so the file records what actually ran.
 * Redact first (`redactConfig`) when the output is shown or stored.
 */
export function configToDocument(config: AiperfConfig): Doc {
  const { endpoint: e, load: l, input: i, output: o, telemetry: t, artifacts: a } = config.benchmark;
  const telemetryChanged = t.gpuTelemetry !== null || t.gpuTelemetryUrls.length > 0 || t.gpuTelemetryIntervalMs !== D.gpuTelemetryIntervalMs;
  return compact({
    schema_version: '2.0',
    random_seed: i.randomSeed,
    benchmark: {
      models: e.models,
      model_selection_strategy: e.modelSelectionStrategy,
      endpoint: {
        url: e.url, type: e.type, custom_path: e.customPath, streaming: e.streaming, api_key: e.apiKey, headers: e.headers,
        extra_inputs: e.extraInputs, timeout_seconds: e.timeoutSeconds, use_legacy_max_tokens: e.useLegacyMaxTokens, use_server_token_count: e.useServerTokenCount,
      },
      load: {
        concurrency: l.concurrency, request_rate: l.requestRate, arrival_pattern: l.arrivalPattern, request_count: l.requestCount,
        benchmark_duration_seconds: l.benchmarkDurationSeconds,
        // Grace only means something with a duration (and is rejected without one).
        grace_period_seconds: l.benchmarkDurationSeconds === null ? null : l.gracePeriodSeconds,
        warmup_request_count: l.warmupRequestCount, request_cancellation_rate: l.requestCancellationRate,
        request_cancellation_delay_seconds: l.requestCancellationRate === null ? null : l.requestCancellationDelaySeconds,
        workers: l.workers,
        ...(l.mode === 'fixed_schedule'
          ? {
              fixed_schedule: true,
              fixed_schedule_auto_offset: l.fixedScheduleAutoOffset ?? false,
              fixed_schedule_start_offset_ms: l.fixedScheduleStartOffsetMs,
              fixed_schedule_end_offset_ms: l.fixedScheduleEndOffsetMs,
            }
          : i.inputFile !== null && i.customDatasetType === 'mooncake_trace' ? { fixed_schedule: false } : {}),
      },
      input: {
        input_tokens: i.inputTokens, output_tokens: i.outputTokens, num_dataset_entries: i.numDatasetEntries, input_file: i.inputFile, isl_block_size: i.islBlockSize,
        custom_dataset_type: i.inputFile === null ? null : i.customDatasetType, tokenizer: i.tokenizer,
      },
      artifacts: {
        dir: o.artifactDirExplicit ? o.artifactDir : null, prefix: o.exportPrefix, export_level: o.exportLevel,
        slice_duration: o.sliceDurationSeconds, auto_plot: a.autoPlot, plot_required: a.plotRequired,
      },
      goodput: config.benchmark.goodput,
      gpu_telemetry: telemetryChanged ? { enabled: t.gpuTelemetry, urls: t.gpuTelemetryUrls, interval_ms: t.gpuTelemetryIntervalMs } : null,
      server_metrics: serverMetricsDocument(config.benchmark.serverMetrics),
      ui: config.benchmark.ui,
      reporting: {
        cost_per_hour: config.benchmark.reporting.costPerHourUsd, stats_interval: config.benchmark.reporting.statsIntervalSeconds,
        sweep_table: config.benchmark.reporting.sweepTable, log_level: config.benchmark.reporting.logLevel, formats: config.benchmark.reporting.formats,
      },
    },
    sweep: config.sweep && { concurrency: config.sweep.concurrency, mode: config.sweep.mode, cooldown_seconds: config.sweep.cooldownSeconds, same_seed: config.sweep.sameSeed },
    multi_run: {
      num_runs: config.multiRun.numProfileRuns,
      cooldown_seconds: config.multiRun.numProfileRuns > 1 ? config.multiRun.cooldownSeconds : null,
      confidence_level: config.multiRun.confidenceLevel, disable_warmup_after_first: config.multiRun.disableWarmupAfterFirst,
      set_consistent_seed: config.multiRun.setConsistentSeed,
    },
    recipe: config.recipe,
    plot: config.plot === null ? null : config.plot.kind === 'inline' ? config.plot.value : config.plot.path,
  });
}

export function configToYaml(config: AiperfConfig): string {
  return dumpYaml(configToDocument(config));
}

/** Only what differs from the defaults (on, no extra URLs, 333 ms, json + csv). */
function serverMetricsDocument(m: AiperfConfig['benchmark']['serverMetrics']): Doc | null {
  const formatsChanged = m.formats.join(',') !== D.serverMetricsFormats.join(',');
  if (m.enabled && m.urls.length === 0 && m.intervalMs === D.serverMetricsIntervalMs && !formatsChanged) return null;
  return compact({ enabled: m.enabled ? null : false, urls: m.urls.length > 0 ? m.urls : null, interval_ms: m.intervalMs === D.serverMetricsIntervalMs ? null : m.intervalMs, formats: formatsChanged ? m.formats : null }) as Doc;
}
