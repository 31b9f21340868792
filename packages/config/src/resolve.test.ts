import { describe, expect, test } from 'vitest';
import { type ConfigSources, resolveConfig } from './index.js';

function resolved(sources: ConfigSources) {
  const result = resolveConfig(sources);
  expect(result.errors).toEqual([]);
  if (!result.config) throw new Error('no config');
  return result.config;
}

const yaml = (text: string, extra: Partial<ConfigSources> = {}) => resolved({ yamlText: text, yamlPath: '/cfg/bench.yaml', ...extra });

describe('resolveConfig', () => {
  test('a bare --model gives a fully defaulted config', () => {
    const config = resolved({ flags: { model: ['Qwen/Qwen3-0.6B'] }, argv: ['-m', 'Qwen/Qwen3-0.6B'] });
    expect(config.benchmark.endpoint).toEqual({
      models: ['Qwen/Qwen3-0.6B'], modelSelectionStrategy: 'round_robin', url: 'http://localhost:8000', type: 'chat', customPath: null,
      streaming: false, apiKey: null, headers: {}, extraInputs: {}, timeoutSeconds: 21600, useLegacyMaxTokens: false, useServerTokenCount: false,
      urls: null, urlStrategy: 'round_robin', sessionHeader: 'X-Correlation-ID', connectionReuseStrategy: 'pooled',
    });
    expect(config.benchmark.load).toEqual({
      mode: 'concurrency', concurrency: 1, requestRate: null, arrivalPattern: 'poisson', requestCount: 10, benchmarkDurationSeconds: null,
      gracePeriodSeconds: 30, warmupRequestCount: 0, requestCancellationRate: null, requestCancellationDelaySeconds: 0, workers: null, conversationNum: null,
      fixedScheduleAutoOffset: false, fixedScheduleStartOffsetMs: null, fixedScheduleEndOffsetMs: null,
      arrivalSmoothness: null, requestRateSeries: null, requestRateRampDurationSeconds: null, concurrencyRampDurationSeconds: null,
      prefillConcurrency: null, prefillConcurrencyRampDurationSeconds: null, userCentricRate: null, numUsers: null,
    });
    expect(config.benchmark.input).toEqual({
      inputTokens: { mean: 550, stddev: 0 }, outputTokens: null, numDatasetEntries: 100, inputFile: null, customDatasetType: null, islBlockSize: null,
      tokenizer: 'Qwen/Qwen3-0.6B', tokenizerRevision: 'main', applyChatTemplate: false, randomSeed: null,
      batchSize: 1, rankings: { passages: { mean: 10, stddev: 0 }, passageTokens: { mean: 128, stddev: 0 }, queryTokens: { mean: 32, stddev: 0 } },
      images: { batchSize: 0, width: { mean: 512, stddev: 0 }, height: { mean: 512, stddev: 0 }, format: 'jpeg', directory: null },
      audio: { batchSize: 0, length: { mean: 10, stddev: 0 }, format: 'wav', sampleRates: [16], depths: [16], numChannels: 1 },
      conversationTurnMean: 1, conversationTurnStddev: 0, conversationTurnDelayMeanMs: 0, conversationTurnDelayStddevMs: 0, conversationTurnDelayRatio: 1,
      promptPrefixPoolSize: 0, promptPrefixLength: 0, sharedSystemPromptLength: null, userContextPromptLength: null, cacheBust: 'none',
      seqDist: null, datasetSamplingStrategy: null, promptCorpus: 'sonnet', replaySpeedup: null,
    });
    expect(config.benchmark.output).toEqual({ artifactDir: './artifacts', artifactDirExplicit: false, exportPrefix: null, exportLevel: 'records', sliceDurationSeconds: null });
    expect(config.benchmark.artifacts).toEqual({ autoPlot: null, plotRequired: false });
    expect(config.multiRun).toEqual({ numProfileRuns: 1, cooldownSeconds: 0, confidenceLevel: 0.95, disableWarmupAfterFirst: true, setConsistentSeed: true, convergence: null });
    expect([config.sweep, config.recipe, config.plot, config.benchmark.ui]).toEqual([null, null, null, 'dashboard']);
    expect(config.source).toEqual({ yamlPath: null, cliCommand: 'aiperf profile -m Qwen/Qwen3-0.6B' });
  });

  test('precedence: default < YAML < CLI flag', () => {
    const text = 'benchmark:\n  model: from-yaml\n  endpoint: {url: "yaml-host:9000", streaming: true}\n  load: {concurrency: 4, request_count: 40}\n';
    const fromYaml = yaml(text);
    expect(fromYaml.benchmark.endpoint.url).toBe('http://yaml-host:9000');
    expect(fromYaml.benchmark.load.concurrency).toBe(4);
    expect(fromYaml.benchmark.endpoint.timeoutSeconds).toBe(21600);
    const overlaid = yaml(text, { flags: { concurrency: '8', streaming: false, url: 'https://cli-host' } });
    expect(overlaid.benchmark.load).toMatchObject({ concurrency: 8, requestCount: 40 });
    expect(overlaid.benchmark.endpoint).toMatchObject({ url: 'https://cli-host', streaming: false, models: ['from-yaml'] });
  });

  test('camelCase YAML keys, aliases and durations are normalized', () => {
    const config = yaml('benchmark:\n  models: [a, b]\n  endpoint: {timeout: 2m}\n  load: {requestRate: "5", duration: 90s, gracePeriod: 0}\n  artifacts: {slice_duration: "500ms"}\n');
    expect(config.benchmark.endpoint.timeoutSeconds).toBe(120);
    expect(config.benchmark.load).toMatchObject({ mode: 'request_rate', requestRate: 5, benchmarkDurationSeconds: 90, gracePeriodSeconds: 0, requestCount: null });
    expect(config.benchmark.output.sliceDurationSeconds).toBe(0.5);
  });

  test('timing mode: request rate ⇒ request_rate with 10 requests; concurrency ⇒ max(10, 2 × concurrency)', () => {
    const rate = resolved({ flags: { model: ['m'], requestRate: '20' } }).benchmark.load;
    expect(rate).toMatchObject({ mode: 'request_rate', requestRate: 20, concurrency: null, requestCount: 10 });
    const capped = resolved({ flags: { model: ['m'], requestRate: '20', concurrency: '4' } }).benchmark.load;
    expect(capped).toMatchObject({ mode: 'request_rate', concurrency: 4 });
    expect(resolved({ flags: { model: ['m'], concurrency: '16' } }).benchmark.load).toMatchObject({ mode: 'concurrency', requestCount: 32 });
    expect(resolved({ flags: { model: ['m'], concurrency: '16', benchmarkDuration: '30' } }).benchmark.load.requestCount).toBeNull();
  });

  test('--concurrency 1,4,8 becomes a sweep whose first value is the base concurrency', () => {
    const config = resolved({ flags: { model: ['m'], concurrency: '1,4,8', parameterSweepCooldownSeconds: '2' } });
    expect(config.sweep).toEqual({ parameters: { concurrency: [1, 4, 8] }, type: 'grid', mode: 'repeated', cooldownSeconds: 2, sameSeed: false, variants: null });
    expect(config.benchmark.load).toMatchObject({ concurrency: 1, requestCount: 16 });
    expect(config.benchmark.ui).toBe('simple');
    expect(resolved({ flags: { model: ['m'], concurrency: '4,4' } }).sweep).toBeNull();
  });

  test('auto-plot tri-state: unset stays null, --auto-plot / --no-auto-plot are kept', () => {
    expect(resolved({ flags: { model: ['m'] } }).benchmark.artifacts.autoPlot).toBeNull();
    expect(resolved({ flags: { model: ['m'], autoPlot: true } }).benchmark.artifacts.autoPlot).toBe(true);
    expect(resolved({ flags: { model: ['m'], autoPlot: false } }).benchmark.artifacts.autoPlot).toBe(false);
    expect(yaml('benchmark: {model: m, artifacts: {auto_plot: false}}').benchmark.artifacts.autoPlot).toBe(false);
    expect(yaml('benchmark: {model: m, artifacts: {auto_plot: false}}', { flags: { autoPlot: true } }).benchmark.artifacts.autoPlot).toBe(true);
  });

  test('a plot: envelope implies auto-plot unless auto-plot is explicitly false', () => {
    const inline = yaml('benchmark: {model: m}\nplot:\n  visualization: {multi_run_defaults: [pareto]}\n');
    expect(inline.plot).toEqual({ kind: 'inline', value: { visualization: { multi_run_defaults: ['pareto'] } } });
    expect(inline.benchmark.artifacts.autoPlot).toBe(true);
    const off = yaml('benchmark: {model: m, artifacts: {auto_plot: false}}\nplot: {visualization: {}}\n');
    expect([off.plot?.kind, off.benchmark.artifacts.autoPlot]).toEqual(['inline', false]);
    const offByFlag = resolveConfig({ yamlText: 'benchmark: {model: m}\nplot: {visualization: {}}\n', yamlPath: '/cfg/a.yaml', flags: { autoPlot: false } });
    expect(offByFlag.config?.benchmark.artifacts.autoPlot).toBe(false);
    expect(offByFlag.warnings).toContain('plot: kept but not used now: --auto-plot is off; run `aiperf plot <artifact dir>` later');
  });

  test('a plot: path resolves against the YAML directory', () => {
    const seen: string[] = [];
    const config = yaml('benchmark: {model: m}\nplot: plots/my-plot.yaml\n', { fileExists: (p) => seen.push(p) > 0 });
    expect(config.plot).toEqual({ kind: 'path', path: '/cfg/plots/my-plot.yaml' });
    expect(seen).toEqual(['/cfg/plots/my-plot.yaml']);
    expect(config.benchmark.artifacts.autoPlot).toBe(true);
  });

  test('AIPERF_API_KEY is a fallback for --api-key; the flag wins', () => {
    const env = { AIPERF_API_KEY: 'from-env' };
    expect(resolved({ flags: { model: ['m'] }, env }).benchmark.endpoint.apiKey).toBe('from-env');
    expect(resolved({ flags: { model: ['m'], apiKey: 'from-flag' }, env }).benchmark.endpoint.apiKey).toBe('from-flag');
    expect(yaml('benchmark: {model: m, endpoint: {api_key: from-yaml}}', { env }).benchmark.endpoint.apiKey).toBe('from-yaml');
  });

  test('list and pair flags: models, headers, extra inputs, goodput, telemetry URLs, recipe params', () => {
    const config = resolved({
      flags: {
        model: ['a,b', 'c'], header: ['X-Team: infra', '{"X-Json":"1"}'], extraInputs: ['ignore_eos:true', 'min_tokens:200', 'stop:END'],
        goodput: 'time_to_first_token:100 inter_token_latency:10', gpuTelemetry: ['node1:9400', 'http://node2:9400/custom'],
        recipe: 'concurrency-ramp', recipeParam: ['steps=4', 'style=log'],
      },
    });
    expect(config.benchmark.endpoint.models).toEqual(['a', 'b', 'c']);
    expect(config.benchmark.endpoint.headers).toEqual({ 'X-Team': 'infra', 'X-Json': '1' });
    expect(config.benchmark.endpoint.extraInputs).toEqual({ ignore_eos: true, min_tokens: 200, stop: 'END' });
    expect(config.benchmark.goodput).toEqual({ time_to_first_token: 100, inter_token_latency: 10 });
    expect(config.benchmark.telemetry).toEqual({ gpuTelemetry: true, gpuTelemetryUrls: ['http://node1:9400/metrics', 'http://node2:9400/custom'], gpuTelemetryIntervalMs: 333 });
    expect(config.recipe).toEqual({ name: 'concurrency-ramp', params: { steps: 4, style: 'log' } });
    expect(resolved({ flags: { model: ['m'], noGpuTelemetry: true } }).benchmark.telemetry.gpuTelemetry).toBe(false);
  });

  test('YAML ${VAR} and ${VAR:default} are substituted from the environment', () => {
    const config = yaml('benchmark:\n  model: ${MODEL}\n  endpoint: {url: "${HOST:localhost}:8001"}\n', { env: { MODEL: 'env-model' } });
    expect(config.benchmark.endpoint.models).toEqual(['env-model']);
    expect(config.benchmark.endpoint.url).toBe('http://localhost:8001');
  });
});

test('the spec spellings: phases (one mapping) with rate/requests, dataset, slos, model', () => {
  const result = resolveConfig({ yamlText: 'benchmark:\n  model: m\n  phases: {rate: 4, requests: 20, concurrency: 2}\n  dataset: {num_dataset_entries: 5}\n  slos: {request_latency: 250}\n' });
  expect(result.errors).toEqual([]);
  expect(result.config?.benchmark.load).toMatchObject({ mode: 'request_rate', requestRate: 4, requestCount: 20, concurrency: 2 });
  expect(result.config?.benchmark.input.numDatasetEntries).toBe(5);
  expect(result.config?.benchmark.goodput).toEqual({ request_latency: 250 });
});
