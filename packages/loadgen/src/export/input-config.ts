import { type BenchmarkConfig, redactBenchmarkConfig } from '@aiperf/config';

/**
 * `input_config` as AIPerf writes it: its user config dumped in snake_case, in the legacy sections
 * (`endpoint`, `loadgen`, `input`, `tokenizer`, `output`, `gpu_telemetry`). Tools written for AIPerf read
 * `endpoint.model_names[0]`, `loadgen.concurrency`, `output.slice_duration`…, so we speak that layout rather
 * than our camelCase config. Secrets are redacted first (API key, credential headers). Pure.
 */
export function toAiperfInputConfig(config: BenchmarkConfig, cliCommand?: string): Record<string, unknown> {
  const { endpoint, load, input, output, telemetry } = redactBenchmarkConfig(config);
  return {
    endpoint: {
      model_names: [...endpoint.models],
      model_selection_strategy: endpoint.modelSelectionStrategy,
      type: endpoint.type,
      url: endpoint.url,
      custom_endpoint: endpoint.customPath,
      streaming: endpoint.streaming,
      timeout_seconds: endpoint.timeoutSeconds,
      api_key: endpoint.apiKey,
      use_legacy_max_tokens: endpoint.useLegacyMaxTokens,
      use_server_token_count: endpoint.useServerTokenCount,
    },
    loadgen: {
      timing_mode: load.mode,
      concurrency: load.concurrency,
      request_rate: load.requestRate,
      // AIPerf renamed `request_rate_mode` to `arrival_pattern`; readers of either version find theirs. Without a
      // rate, AIPerf's mode is `concurrency_burst` (send as soon as a slot is free).
      arrival_pattern: load.arrivalPattern,
      request_rate_mode: load.requestRate === null ? 'concurrency_burst' : load.arrivalPattern,
      request_count: load.requestCount,
      benchmark_duration: load.benchmarkDurationSeconds,
      benchmark_grace_period: load.gracePeriodSeconds,
      warmup_request_count: load.warmupRequestCount,
      request_cancellation_rate: load.requestCancellationRate,
      request_cancellation_delay: load.requestCancellationDelaySeconds,
      workers: load.workers,
      // Load-shape settings only when set, so runs without them keep AIPerf's exact section.
      ...Object.fromEntries(
        Object.entries({
          arrival_smoothness: load.arrivalSmoothness,
          request_rate_series: load.requestRateSeries,
          request_rate_ramp_duration: load.requestRateRampDurationSeconds,
          concurrency_ramp_duration: load.concurrencyRampDurationSeconds,
          prefill_concurrency: load.prefillConcurrency,
          prefill_concurrency_ramp_duration: load.prefillConcurrencyRampDurationSeconds,
          user_centric_rate: load.userCentricRate,
          num_users: load.numUsers,
        }).filter(([, value]) => value !== null),
      ),
    },
    input: {
      // AIPerf keeps `--header` as a list of [name, value] pairs.
      headers: Object.entries(endpoint.headers),
      // AIPerf keeps `--extra-inputs` as a list of [key, value] pairs.
      extra: Object.entries(endpoint.extraInputs),
      goodput: config.goodput,
      file: input.inputFile,
      custom_dataset_type: input.customDatasetType,
      random_seed: input.randomSeed,
      num_dataset_entries: input.numDatasetEntries,
      prompt: {
        input_tokens: { mean: input.inputTokens.mean, stddev: input.inputTokens.stddev },
        output_tokens: input.outputTokens ? { mean: input.outputTokens.mean, stddev: input.outputTokens.stddev } : { mean: null, stddev: null },
      },
    },
    tokenizer: { name: input.tokenizer },
    output: {
      artifact_directory: output.artifactDir,
      profile_export_prefix: output.exportPrefix,
      export_level: output.exportLevel,
      slice_duration: output.sliceDurationSeconds,
    },
    // AIPerf's `--gpu-telemetry` list (URLs); null when turned off with `--no-gpu-telemetry`.
    gpu_telemetry: telemetry.gpuTelemetry === false ? null : [...telemetry.gpuTelemetryUrls],
    gpu_telemetry_interval_ms: telemetry.gpuTelemetryIntervalMs,
    ui_type: config.ui,
    ...(cliCommand ? { cli_command: cliCommand } : {}),
  };
}
