import { describe, expect, test } from 'vitest';
import { type AiperfConfig, type ConfigSources, configToYaml, resolveConfig } from './index.js';

function resolve(sources: ConfigSources): AiperfConfig {
  const result = resolveConfig(sources);
  expect(result.errors).toEqual([]);
  return result.config as AiperfConfig;
}

/** resolved config → YAML → resolved again must be the same config (only where it came from differs). */
function roundTrip(config: AiperfConfig): AiperfConfig {
  const again = resolve({ yamlText: configToYaml(config), yamlPath: '/elsewhere/aiperf.yaml', fileExists: () => true });
  return { ...again, source: config.source };
}

describe('configToYaml round trip', () => {
  test.each<[string, ConfigSources]>([
    ['defaults', { flags: { model: ['m'] } }],
    ['everything set by flags', {
      flags: {
        model: ['a', 'b'], modelSelectionStrategy: 'random', url: 'https://h:1', endpointType: 'completions', customEndpoint: '/x', streaming: true,
        apiKey: 'k', header: ['X-A:1'], extraInputs: ['ignore_eos:true', 'nested:{"a":[1,null]}'], requestTimeoutSeconds: '30', useLegacyMaxTokens: true,
        useServerTokenCount: true, requestRate: '2.5', arrivalPattern: 'constant', concurrency: '3', benchmarkDuration: '60', benchmarkGracePeriod: '0',
        warmupRequestCount: '5', requestCancellationRate: '10', requestCancellationDelay: '0.5', workers: '2', isl: '100', islStddev: '10', osl: '50',
        oslStddev: '5', numDatasetEntries: '7', inputFile: 'data.jsonl', customDatasetType: 'multi_turn', tokenizer: '/tok', randomSeed: '9',
        artifactDir: 'out', profileExportPrefix: 'run', exportLevel: 'raw', sliceDuration: '2', goodput: 'request_latency:300',
        gpuTelemetry: ['dcgm:9400'], ui: 'none', numProfileRuns: '3', profileRunCooldownSeconds: '1', confidenceLevel: '0.9',
        profileRunDisableWarmupAfterFirst: false, setConsistentSeed: false, recipe: 'concurrency-ramp', recipeParam: ['steps=3'],
        autoPlot: false, plotRequired: true,
      },
    }],
    ['a sweep with an inline plot', { yamlText: 'benchmark: {model: m, load: {concurrency: [2, 8]}}\nsweep: {mode: independent, same_seed: true}\nrandom_seed: 1\nplot: {visualization: {multi_run_defaults: [pareto]}, nulls: null}\n', yamlPath: '/c/a.yaml' }],
    ['load shaping, a rate grid, convergence', { flags: {
      model: ['m'], requestRate: '5,10', isl: '64,128', sweepType: 'zip', arrivalSmoothness: '0.5', requestRateRampDuration: '2', benchmarkDuration: '20',
      prefillConcurrency: '4', concurrency: '8', concurrencyRampDuration: '3', numProfileRuns: '4', convergenceMetric: 'time_to_first_token', convergenceThreshold: '0.1',
    } }],
    ['convergence within one run', { flags: { model: ['m'], streaming: true, convergenceMetric: 'time_to_first_token', convergenceStat: 'p90', convergenceThreshold: '0.02', convergenceMinSamples: '200', convergenceCheckInterval: '2s' } }],
    ['a rate series and an SLA search', { flags: { model: ['m'], streaming: true, requestRateSeries: '5:10,20', benchmarkDuration: '30', recipe: 'max-throughput-under-ttft-sla', ttftSlaMs: '200', errorRateSla: '0.01' } }],
    ['a user-centric rate', { flags: { model: ['m'], userCentricRate: '2', numUsers: '10', benchmarkDuration: '30' } }],
    ['a plugin timing strategy by name', { flags: { model: ['m'], timingMode: 'hello-burst', requestCount: '8' } }],
    ['telemetry off, plot from a path', { yamlText: 'benchmark: {model: m, gpu_telemetry: false}\nplot: /abs/plot.yaml\n', yamlPath: '/c/a.yaml', fileExists: () => true }],
  ])('%s', (_name, sources) => {
    const config = resolve(sources);
    expect(roundTrip(config)).toEqual(config);
  });

  test('the YAML is snake_case and shows the derived values', () => {
    const text = configToYaml(resolve({ flags: { model: ['m'], concurrency: '4', streaming: true } }));
    expect(text).toMatchInlineSnapshot(`
      "schema_version: '2.0'
      benchmark:
        models:
          - m
        model_selection_strategy: round_robin
        endpoint:
          url: http://localhost:8000
          url_strategy: round_robin
          type: chat
          streaming: true
          timeout_seconds: 21600
          use_legacy_max_tokens: false
          use_server_token_count: false
          session_header: X-Correlation-ID
          connection_reuse_strategy: pooled
        load:
          concurrency: 4
          arrival_pattern: poisson
          request_count: 10
          warmup_request_count: 0
        input:
          input_tokens:
            mean: 550
            stddev: 0
          num_dataset_entries: 100
          tokenizer: m
          tokenizer_revision: main
          apply_chat_template: false
          batch_size: 1
          rankings:
            passages:
              mean: 10
              stddev: 0
            passage_tokens:
              mean: 128
              stddev: 0
            query_tokens:
              mean: 32
              stddev: 0
          images:
            batch_size: 0
            width:
              mean: 512
              stddev: 0
            height:
              mean: 512
              stddev: 0
            format: jpeg
          audio:
            batch_size: 0
            length:
              mean: 10
              stddev: 0
            format: wav
            sample_rates:
              - 16
            depths:
              - 16
            num_channels: 1
          conversation_turn_mean: 1
          conversation_turn_stddev: 0
          conversation_turn_delay_mean_ms: 0
          conversation_turn_delay_stddev_ms: 0
          conversation_turn_delay_ratio: 1
          prompt_prefix_pool_size: 0
          prompt_prefix_length: 0
          cache_bust: none
          prompt_corpus: sonnet
        artifacts:
          export_level: records
          plot_required: false
        ui: dashboard
        reporting:
          sweep_table: true
          log_level: info
          formats: []
      multi_run:
        num_runs: 1
        confidence_level: 0.95
        disable_warmup_after_first: true
        set_consistent_seed: true
      "
    `);
  });
});
