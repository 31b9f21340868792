import { isTraceDatasetType } from './yaml-schema-workloads.js';
import { DEFAULTS as D } from './defaults.js';
import { resolveMapping } from './resolved.js';
import { ARTIFACT_OUTPUT_KEYS, type AiperfConfig, type TelemetryConfig } from './schema.js';
import { YamlConvergence, YamlSla } from './yaml-schema-loadshape.js';
import { type YamlBenchmark, type YamlDocument, YamlArtifacts, YamlBenchmark as YamlBenchmarkSchema, YamlEndpoint, YamlInput, YamlLoad, YamlMultiRun, YamlOutputTokens, YamlReporting, YamlTelemetry } from './yaml-schema.js';

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
  const mapping = typeof value === 'boolean' ? { enabled: value } : Array.isArray(value) ? { enabled: true, urls: value } : value;
  const resolved = resolveMapping(YamlTelemetry, mapping);
  return { gpuTelemetry: resolved.enabled, gpuTelemetryUrls: (resolved.urls ?? []).map(normalizeTelemetryUrl), gpuTelemetryIntervalMs: resolved.intervalMs };
}

/**
 * The checked, merged YAML-shaped document → the resolved config: every mapping by the generic rule
 * (`resolveMapping`: camelCase keys, defaults filled in, null when not set), then the keys whose resolved place or
 * shape differs from the file's. Values that depend on other settings (timing mode, request count, sweep, UI, plot,
 * auto-plot) are filled in by `rules.ts`.
 */
export function buildDraft(doc: YamlDocument, source: AiperfConfig['source']): AiperfConfig {
  const b = doc.benchmark ?? {};
  const l = b.load ?? {};
  const i = b.input ?? {};
  const a = b.artifacts ?? {};
  const endpoint = resolveMapping(YamlEndpoint, b.endpoint);
  const input = resolveMapping(YamlInput, i, ['output_tokens']);
  const { models, modelSelectionStrategy, ...rest } = resolveMapping(YamlBenchmarkSchema, b, ['endpoint', 'load', 'input', 'artifacts', 'gpu_telemetry', 'reporting']);
  const { costPerHour, statsInterval, ...reporting } = resolveMapping(YamlReporting, b.reporting);
  const multiRun = resolveMapping(YamlMultiRun, doc.multi_run);
  const { numRuns, convergence, ...multiRunRest } = multiRun;
  return {
    benchmark: {
      endpoint: {
        models: models === null ? [] : typeof models === 'string' ? [models] : models,
        modelSelectionStrategy,
        ...endpoint,
        ...urlSettings(endpoint.url),
      },
      load: {
        // A trace dataset replays its timestamps unless --no-fixed-schedule says otherwise.
        mode: l.timing_mode ?? ((l.fixed_schedule ?? isTraceDatasetType(i.custom_dataset_type)) ? 'fixed_schedule' : l.request_rate === undefined ? 'concurrency' : 'request_rate'),
        ...resolveMapping(YamlLoad, l, ['fixed_schedule', 'timing_mode', 'concurrency']),
        concurrency: Array.isArray(l.concurrency) ? (l.concurrency[0] ?? null) : (l.concurrency ?? null),
      },
      input: {
        ...input,
        // AIPerf's default tokenizer is the model's own (loadgen resolves it offline, builtin when nothing is found).
        tokenizer: input.tokenizer ?? (typeof models === 'string' ? models : models?.[0]) ?? 'builtin',
        outputTokens: i.output_tokens?.mean === undefined ? null : { ...resolveMapping(YamlOutputTokens, i.output_tokens), mean: i.output_tokens.mean },
        customDatasetType: input.customDatasetType ?? (input.inputFile === null ? null : 'single_turn'),
        randomSeed: doc.random_seed ?? input.randomSeed,
      },
      output: {
        artifactDir: a.dir ?? D.artifactDir,
        artifactDirExplicit: a.dir !== undefined,
        exportPrefix: a.prefix ?? null,
        exportLevel: resolveMapping(YamlArtifacts, a).exportLevel,
        sliceDurationSeconds: a.slice_duration ?? null,
      },
      telemetry: telemetry(b.gpu_telemetry),
      ...rest,
      serverMetrics: { ...rest.serverMetrics, formats: [...new Set(rest.serverMetrics.formats)] },
      reporting: { ...reporting, formats: [...new Set(reporting.formats)], costPerHourUsd: costPerHour, statsIntervalSeconds: statsInterval },
      artifacts: resolveMapping(YamlArtifacts, a, ARTIFACT_OUTPUT_KEYS),
      convergence: null,
    },
    sweep: null,
    multiRun: { numProfileRuns: numRuns, ...multiRunRest, convergence: doc.multi_run?.convergence ? resolveMapping(YamlConvergence, doc.multi_run.convergence) : null },
    recipe: doc.recipe === undefined ? null : typeof doc.recipe === 'string' ? { name: doc.recipe, params: {} } : { name: doc.recipe.name, params: doc.recipe.params ?? {} },
    sla: resolveMapping(YamlSla, doc.sla),
    plot: null,
    plugins: doc.plugins ?? [],
    source,
  };
}

/** `url` (the first, normalized) and `urls` when several were given. */
function urlSettings(given: string | readonly string[]): { url: string; urls: string[] | null } {
  const urls = (typeof given === 'string' ? [given] : given).map(normalizeUrl);
  return { url: urls[0]!, urls: urls.length > 1 ? urls : null };
}
