import { DEFAULTS as D } from './defaults.js';
import type { AiperfConfig, TelemetryConfig } from './schema.js';
import type { YamlBenchmark, YamlDocument } from './yaml-schema.js';

/** `host:8000` → `http://host:8000`; trailing slashes dropped (endpoint paths are appended later). */
export function normalizeUrl(url: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  return withScheme.replace(/\/+$/, '');
}

/** DCGM exporter URL: scheme added when missing, `/metrics` appended when the URL has no path. */
export function normalizeTelemetryUrl(url: string): string {
  const withScheme = normalizeUrl(url);
  return new URL(withScheme).pathname === '/' ? `${withScheme}/metrics` : withScheme;
}

function telemetry(value: YamlBenchmark['gpu_telemetry']): TelemetryConfig {
  const base = { gpuTelemetry: null as boolean | null, gpuTelemetryUrls: [] as string[], gpuTelemetryIntervalMs: D.gpuTelemetryIntervalMs as number };
  if (value === undefined) return base;
  if (typeof value === 'boolean') return { ...base, gpuTelemetry: value };
  if (Array.isArray(value)) return { ...base, gpuTelemetry: true, gpuTelemetryUrls: value.map(normalizeTelemetryUrl) };
  return {
    gpuTelemetry: value.enabled ?? null,
    gpuTelemetryUrls: (value.urls ?? []).map(normalizeTelemetryUrl),
    gpuTelemetryIntervalMs: value.interval_ms ?? D.gpuTelemetryIntervalMs,
  };
}

/**
 * The checked, merged YAML-shaped document → the resolved config with plain defaults. Values that depend on
 * other settings (timing mode, request count, sweep, UI, plot, auto-plot) are filled in by `rules.ts`.
 */
export function buildDraft(doc: YamlDocument, source: AiperfConfig['source']): AiperfConfig {
  const b = doc.benchmark ?? {};
  const e = b.endpoint ?? {};
  const l = b.load ?? {};
  const i = b.input ?? {};
  const a = b.artifacts ?? {};
  const mr = doc.multi_run ?? {};
  const concurrency = Array.isArray(l.concurrency) ? (l.concurrency[0] ?? null) : (l.concurrency ?? null);
  return {
    benchmark: {
      endpoint: {
        models: b.models === undefined ? [] : typeof b.models === 'string' ? [b.models] : b.models,
        modelSelectionStrategy: b.model_selection_strategy ?? D.modelSelectionStrategy,
        url: normalizeUrl(e.url ?? D.url),
        type: e.type ?? D.endpointType,
        customPath: e.custom_path ?? null,
        streaming: e.streaming ?? D.streaming,
        apiKey: e.api_key ?? null,
        headers: e.headers ?? {},
        extraInputs: e.extra_inputs ?? {},
        timeoutSeconds: e.timeout_seconds ?? D.timeoutSeconds,
        useLegacyMaxTokens: e.use_legacy_max_tokens ?? false,
        useServerTokenCount: e.use_server_token_count ?? false,
      },
      load: {
        // profile.md §1.2 rule 1: a trace dataset replays its timestamps unless --no-fixed-schedule says otherwise.
        mode: (l.fixed_schedule ?? i.custom_dataset_type === 'mooncake_trace') ? 'fixed_schedule' : l.request_rate === undefined ? 'concurrency' : 'request_rate',
        concurrency,
        requestRate: l.request_rate ?? null,
        arrivalPattern: l.arrival_pattern ?? D.arrivalPattern,
        requestCount: l.request_count ?? null,
        benchmarkDurationSeconds: l.benchmark_duration_seconds ?? null,
        gracePeriodSeconds: l.grace_period_seconds ?? D.gracePeriodSeconds,
        warmupRequestCount: l.warmup_request_count ?? D.warmupRequestCount,
        requestCancellationRate: l.request_cancellation_rate ?? null,
        requestCancellationDelaySeconds: l.request_cancellation_delay_seconds ?? D.requestCancellationDelaySeconds,
        workers: l.workers ?? null,
        ...(l.fixed_schedule_auto_offset ? { fixedScheduleAutoOffset: true } : {}),
        ...(l.fixed_schedule_start_offset_ms === undefined ? {} : { fixedScheduleStartOffsetMs: l.fixed_schedule_start_offset_ms }),
        ...(l.fixed_schedule_end_offset_ms === undefined ? {} : { fixedScheduleEndOffsetMs: l.fixed_schedule_end_offset_ms }),
      },
      input: {
        inputTokens: { mean: i.input_tokens?.mean ?? D.inputTokensMean, stddev: i.input_tokens?.stddev ?? D.inputTokensStddev },
        outputTokens: i.output_tokens?.mean === undefined ? null : { mean: i.output_tokens.mean, stddev: i.output_tokens.stddev ?? D.outputTokensStddev },
        numDatasetEntries: i.num_dataset_entries ?? D.numDatasetEntries,
        inputFile: i.input_file ?? null,
        customDatasetType: i.custom_dataset_type ?? (i.input_file === undefined ? null : 'single_turn'),
        tokenizer: i.tokenizer ?? D.tokenizer,
        randomSeed: doc.random_seed ?? i.random_seed ?? null,
        ...(i.isl_block_size === undefined ? {} : { islBlockSize: i.isl_block_size }),
      },
      output: {
        artifactDir: a.dir ?? D.artifactDir,
        artifactDirExplicit: a.dir !== undefined,
        exportPrefix: a.prefix ?? null,
        exportLevel: a.export_level ?? D.exportLevel,
        sliceDurationSeconds: a.slice_duration ?? null,
      },
      telemetry: telemetry(b.gpu_telemetry),
      serverMetrics: {
        enabled: b.server_metrics?.enabled ?? true,
        urls: b.server_metrics?.urls ?? [],
        intervalMs: b.server_metrics?.interval_ms ?? D.serverMetricsIntervalMs,
        formats: [...new Set(b.server_metrics?.formats ?? D.serverMetricsFormats)],
      },
      goodput: b.goodput ?? {},
      ui: b.ui ?? D.ui,
      reporting: {
        costPerHourUsd: b.reporting?.cost_per_hour ?? null,
        statsIntervalSeconds: b.reporting?.stats_interval ?? null,
        sweepTable: b.reporting?.sweep_table ?? D.sweepTable,
        logLevel: b.reporting?.log_level ?? D.logLevel,
        formats: [...new Set(b.reporting?.formats ?? [])],
      },
      artifacts: { autoPlot: a.auto_plot ?? null, plotRequired: a.plot_required ?? D.plotRequired },
    },
    sweep: null,
    multiRun: {
      numProfileRuns: mr.num_runs ?? D.numProfileRuns,
      cooldownSeconds: mr.cooldown_seconds ?? D.profileRunCooldownSeconds,
      confidenceLevel: mr.confidence_level ?? D.confidenceLevel,
      disableWarmupAfterFirst: mr.disable_warmup_after_first ?? D.disableWarmupAfterFirst,
      setConsistentSeed: mr.set_consistent_seed ?? D.setConsistentSeed,
    },
    recipe: doc.recipe === undefined ? null : typeof doc.recipe === 'string' ? { name: doc.recipe, params: {} } : { name: doc.recipe.name, params: doc.recipe.params ?? {} },
    plot: null,
    source,
  };
}
