import { isTraceDatasetType } from './yaml-schema-workloads.js';
import { changedFromDefaults, mappingDocument, resolveMapping } from './resolved.js';
import type { AiperfConfig } from './schema.js';
import { YamlArtifacts, YamlBenchmark, YamlEndpoint, YamlInput, YamlLoad, YamlMultiRun, YamlReporting, YamlServerMetrics, YamlSweep, YamlTelemetry } from './yaml-schema.js';
import { YamlWaitForModel } from './yaml-schema-run-control.js';
import { dumpYaml } from './yaml-text.js';
import { YamlSla } from './yaml-schema-loadshape.js';
import { convergenceDocument } from './rules-convergence.js';

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
 * The resolved config as a YAML document (snake_case) that `resolveConfig` maps back to the same config: every
 * mapping by the generic rule (`mappingDocument`), then the keys whose place or shape differs from the resolved
 * config's. Derived values are written explicitly, so the file records what actually ran.
 * Redact first (`redactConfig`) when the output is shown or stored.
 */
// Timing modes that follow from other settings; a plugin's strategy is written out by name.
const BUILTIN_MODES = new Set(['concurrency', 'request_rate', 'fixed_schedule', 'user_centric']);

export function configToDocument(config: AiperfConfig): Doc {
  const { endpoint: e, load: l, input: i, output: o, telemetry: t } = config.benchmark;
  const telemetryDefaults = resolveMapping(YamlTelemetry, {});
  const telemetryChanged = t.gpuTelemetry !== null || t.gpuTelemetryUrls.length > 0 || t.gpuTelemetryIntervalMs !== telemetryDefaults.intervalMs;
  const fixedSchedule = l.mode === 'fixed_schedule';
  return compact({
    schema_version: '2.0',
    random_seed: i.randomSeed,
    benchmark: {
      models: e.models,
      model_selection_strategy: e.modelSelectionStrategy,
      ...mappingDocument(YamlBenchmark, config.benchmark, ['models', 'model_selection_strategy']),
      endpoint: { ...mappingDocument(YamlEndpoint, e), url: e.urls ?? e.url },
      load: {
        ...mappingDocument(YamlLoad, l),
        // Grace only means something with a duration (and is rejected without one); the same for the delay.
        grace_period_seconds: l.benchmarkDurationSeconds === null ? null : l.gracePeriodSeconds,
        request_cancellation_delay_seconds: l.requestCancellationRate === null ? null : l.requestCancellationDelaySeconds,
        // A rate series gives the rates (the resolved rate is its first, derived); gamma follows from a smoothness.
        request_rate: l.requestRateSeries === null ? l.requestRate : null,
        // User-centric users send on a fixed gap: no arrival pattern (and it is rejected there).
        arrival_pattern: l.arrivalSmoothness !== null || l.userCentricRate !== null ? null : l.arrivalPattern,
        // The schedule keys only with a fixed schedule; a trace dataset replayed another way says so.
        // A built-in mode follows from the settings above; any other strategy is named.
        timing_mode: BUILTIN_MODES.has(l.mode) ? null : l.mode,
        fixed_schedule: fixedSchedule ? true : i.inputFile !== null && isTraceDatasetType(i.customDatasetType) ? false : null,
        fixed_schedule_auto_offset: fixedSchedule ? l.fixedScheduleAutoOffset : null,
        fixed_schedule_start_offset_ms: fixedSchedule ? l.fixedScheduleStartOffsetMs : null,
        fixed_schedule_end_offset_ms: fixedSchedule ? l.fixedScheduleEndOffsetMs : null,
      },
      input: {
        ...mappingDocument(YamlInput, i, ['random_seed']),
        custom_dataset_type: i.inputFile === null ? null : i.customDatasetType,
        // --seq-dist sets both lengths (and rejects --isl/--osl given with it).
        ...(i.seqDist === null ? {} : { input_tokens: null, output_tokens: null }),
      },
      artifacts: mappingDocument(YamlArtifacts, {
        ...config.benchmark.artifacts,
        dir: o.artifactDirExplicit ? o.artifactDir : null,
        prefix: o.exportPrefix,
        exportLevel: o.exportLevel,
        sliceDuration: o.sliceDurationSeconds,
      }),
      reporting: mappingDocument(YamlReporting, { ...config.benchmark.reporting, costPerHour: config.benchmark.reporting.costPerHourUsd, statsInterval: config.benchmark.reporting.statsIntervalSeconds }),
      // Server metrics are on by default: only what differs from the defaults is written.
      server_metrics: changedFromDefaults(YamlServerMetrics, mappingDocument(YamlServerMetrics, config.benchmark.serverMetrics)),
      // Readiness settings only mean something with a timeout (and are rejected without one).
      wait_for_model: config.benchmark.waitForModel.timeoutSeconds > 0 ? mappingDocument(YamlWaitForModel, config.benchmark.waitForModel) : null,
      gpu_telemetry: telemetryChanged ? { enabled: t.gpuTelemetry, urls: t.gpuTelemetryUrls, interval_ms: t.gpuTelemetryIntervalMs } : null,
    },
    sweep: config.sweep && sweepDocument(config.sweep),
    variants: config.sweep?.variants ? Object.fromEntries(config.sweep.variants.map((v) => [v.name, v.values])) : null,
    multi_run: {
      num_runs: config.multiRun.numProfileRuns,
      ...mappingDocument(YamlMultiRun, config.multiRun, ['num_runs']),
      cooldown_seconds: config.multiRun.numProfileRuns > 1 ? config.multiRun.cooldownSeconds : null,
      convergence: convergenceDocument(config),
    },
    recipe: config.recipe,
    sla: changedFromDefaults(YamlSla, mappingDocument(YamlSla, config.sla)),
    plugins: config.plugins.length > 0 ? config.plugins : null,
    plot: config.plot === null ? null : config.plot.kind === 'inline' ? config.plot.value : config.plot.path,
  });
}

/** A concurrency-only sweep prints as the `concurrency` list it always was; other sweeps as `parameters`. */
function sweepDocument(sweep: NonNullable<AiperfConfig['sweep']>): Record<string, unknown> {
  const names = Object.keys(sweep.parameters);
  const concurrencyOnly = names.length === 1 && names[0] === 'concurrency';
  const variant = sweep.variants?.map((v) => v.name) ?? null;
  return mappingDocument(YamlSweep, { ...sweep, variant, concurrency: concurrencyOnly ? sweep.parameters.concurrency : null, parameters: concurrencyOnly ? null : sweep.parameters });
}

export function configToYaml(config: AiperfConfig): string {
  return dumpYaml(configToDocument(config));
}
