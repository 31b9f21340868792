import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BenchmarkConfig, DEFAULT_BARRIER_TIMEOUT_SECONDS } from '@aiperf/config';
import { prepareArtifactDir } from './artifact-dir.js';
import { type ExportFileNames, exportFileNames, resolveArtifactDir } from './artifacts.js';
import { ArtifactWriter, type KeptFile } from './export/artifact-writer.js';
import { ProfileConfigError } from './errors.js';
import { createRunClock } from '@aiperf/stats';
import { type DatasetTurn, buildDataset } from './dataset/dataset.js';
import { loadTokenizer } from './dataset/tokenizer.js';
import { resolveTokenizer } from './dataset/tokenizer-resolve.js';
import { createEndpointTypeRegistry, endpointForRun } from './endpoints/registry.js';
import { buildInputsMediaJsonl, inputsJsonChunks } from './export/inputs-json.js';
import { lazyPromptTexts } from './dataset/lazy-prompts.js';
import { writeRunExports } from './export/write-exports.js';
import { validateGoodput } from './metrics/compute.js';
import { MetricStore } from './metrics/metric-store.js';
import { runFacts } from './metrics/run-facts.js';
import { usageDiscrepancyWarning } from './metrics/usage-warning.js';
import type { MetricContext } from './metrics/types.js';
import { createRunner } from './run/create-runner.js';
import { type PhasesOutcome, runPhases } from './run/run-phases.js';
import { mergeLiveTelemetry } from './run/live-snapshot.js';
import { describeFailureStop } from './run/failure-guard.js';
import { convergenceNote, convergenceSummary } from './run/convergence-summary.js';
import { validateConvergenceMetric } from './run/convergence.js';
import { waitForModel } from './run/wait-for-model.js';
import { warmupPlan, warmupProblems } from './run/warmup-plan.js';
import { RecordSink } from './run/record-sink.js';
import { checkConcurrencyBudget, readSocketBudget } from './run/socket-budget.js';
import { resolveTargets } from './run/target.js';
import { urlRequestCounts } from './export/url-counts.js';
import { RunLog } from './log/run-log.js';
import { createTimingStrategyRegistry, getTimingStrategy } from './timing/strategies.js';
import { createMetricRegistry } from './metrics/registry.js';
import { createDatasetLoaderRegistry } from './dataset/loaders.js';
import type { EngineRegistries, ProfileIo, ProfileRunResult, RunProfileOptions } from './types.js';
import { stringifyJson } from './export/json-text.js';
import { SHARD_FILE, shardArtifactDir, shardConfig, shardManifest, shardOf } from './shard/shard-run.js';
import { type ShardStart, awaitShardStart } from './shard/start.js';

/** Runs one benchmark: warmup, profiling, then every export. See the package README for the flow. */
export async function runProfile(givenConfig: BenchmarkConfig, io: ProfileIo, options: RunProfileOptions = {}): Promise<ProfileRunResult> {
  let config = givenConfig;
  const registries = engineRegistries(options);
  const strategy = getTimingStrategy(config.load.mode, registries.timingStrategies);
  const problems = [...strategy.validate(config.load), ...validateGoodput(config.goodput, registries.metrics), ...warmupProblems(config, warmupPlan(config))];
  // Which metrics a run measures depends on the endpoint's streaming (checked below, once the endpoint is known).
  const servers = new Set(config.endpoint.urls ?? [config.endpoint.url]).size;
  const sockets = checkConcurrencyBudget(strategy.maxInFlight(config.load), readSocketBudget(), servers);
  if (sockets.error) problems.push(sockets.error);
  if (problems.length > 0) throw new ProfileConfigError(problems);
  if (sockets.warning) io.stderr.write(`warning: ${sockets.warning}\n`);
  const endpoint = endpointForRun(config, registries.endpointTypes);
  const endpointProblems = endpoint.validate?.(config) ?? [];
  if (endpointProblems.length > 0) throw new ProfileConfigError(endpointProblems);
  const notes: string[] = [];
  const log = new RunLog(io.stderr, config.reporting.logLevel);
  if (config.endpoint.streaming && !endpoint.supportsStreaming) {
    log.warning(`--streaming ignored: endpoint type "${endpoint.name}" cannot stream`);
  }
  const streaming = config.endpoint.streaming && endpoint.supportsStreaming;
  const convergenceProblems = validateConvergenceMetric(config.convergence, registries.metrics, { streaming, producesTokens: endpoint.producesTokens, metrics: registries.metrics });
  if (convergenceProblems.length > 0) throw new ProfileConfigError(convergenceProblems);
  const targets = resolveTargets(config, endpoint);
  const resolved = resolveTokenizer(config.input.tokenizer, config.input.tokenizerRevision ? { revision: config.input.tokenizerRevision } : {});
  if (resolved.warning) log.warning(resolved.warning);
  const tokenizer = await loadTokenizer(resolved.spec);
  if (config.input.applyChatTemplate && !tokenizer.chatTemplate) {
    log.warning(`--apply-chat-template: the tokenizer (${resolved.source}) has no chat template; ISL counts the prompt text`);
  }
  const dataset = buildDataset(config, endpoint, tokenizer, { loaders: registries.datasetLoaders, warn: (message) => log.warning(message) });
  log.debug(`endpoint ${endpoint.name} at ${targets.map((t) => `${t.origin}${t.path}`).join(', ')}, streaming ${streaming}; tokenizer ${resolved.source}; ${dataset.length} dataset entries`);
  config = withTraceRequestCount(config, dataset);
  const wholeConfig = config;
  const shard = shardOf(config);
  if (shard) config = shardConfig(config, shard);

  await waitForModel(config, endpoint, targets, { stderr: io.stderr, log, signal: io.signal });

  const baseDir = resolve(resolveArtifactDir(config, options.artifactDir));
  const artifactDir = shard ? shardArtifactDir(baseDir, shard) : baseDir;
  const files = exportFileNames(config.output.exportPrefix);
  await prepareArtifactDir(artifactDir);
  await mkdir(join(artifactDir, 'logs'), { recursive: true });
  const writer = new ArtifactWriter(artifactDir);
  if (!(await writer.write(files.inputsJson, inputsJsonChunks(dataset, lazyPromptTexts(dataset, tokenizer))))) throw writer.failure([], 'not started');
  const media = buildInputsMediaJsonl(dataset);
  if (media !== null && !(await writer.write('inputs_media.jsonl', media))) throw writer.failure([], 'not started');
  log.info(`profiling ${config.endpoint.models.join(', ')} into ${artifactDir}`);

  const clock = createRunClock();
  const runTag = randomBytes(3).toString('hex');
  const context: MetricContext = {
    streaming, producesTokens: endpoint.producesTokens, scheduled: config.load.mode !== 'concurrency', metrics: registries.metrics,
    ...(config.reporting.costPerHourUsd === null ? {} : { costPerHourUsd: config.reporting.costPerHourUsd }),
  };
  const jsonlPath = config.output.exportLevel === 'summary' ? null : join(artifactDir, files.recordsJsonl);
  const rawPath = config.output.exportLevel === 'raw' ? join(artifactDir, files.rawJsonl) : null;
  const sliceSeconds = config.output.sliceDurationSeconds;
  const store = new MetricStore(context, sliceSeconds === null ? null : BigInt(Math.round(sliceSeconds * 1e9)));
  // A record file that cannot be written (full disk) stops the run like Ctrl+C; what completed is kept.
  const diskFailure = new AbortController();
  const signal = io.signal ? AbortSignal.any([io.signal, diskFailure.signal]) : diskFailure.signal;
  const sink = new RecordSink(store, jsonlPath, context, `record_processor_${runTag}`, rawPath, (error) => diskFailure.abort(error));
  const pluginModules = [...(options.pluginModules ?? [])];
  const sidecars = options.sidecars ?? [];
  // The sidecars start (each scrapes once) before the runner is chosen, so that one whose endpoints all went
  // unanswered (a server without /metrics, no DCGM exporter) leaves the main loop to the requests.
  await Promise.all(sidecars.map((s) => s.start({ clock, artifactDir })));
  // On a failure before the run, they are stopped all the same: their scrape loops would keep the process alive.
  const stopSidecarsEarly = async () => {
    const nowNs = clock.nowEpochNs();
    await Promise.allSettled(sidecars.map((s) => s.stop({ startEpochNs: nowNs, endEpochNs: nowNs })));
  };
  // Work on the main loop that can hold it for milliseconds: then requests are issued from a worker thread.
  const mainLoopBusy = sidecars.some((s) => s.busyDuringRun?.() ?? true) || (config.ui === 'dashboard' && io.liveView !== undefined);
  let choice: Awaited<ReturnType<typeof createRunner>>;
  try {
    choice = await createRunner(
      // Answers are read with the tokenizer loaded here; a thread that needs its own (multi-turn input counts, huge
      // prompts) loads the one that was found here, so it neither searches nor warns again.
      { config: { ...config, input: { ...config.input, tokenizer: resolved.spec } }, dataset, targets, epochOffsetNs: clock.epochOffsetNs, pluginModules, shard },
      { endpoint, strategy, tokenizer },
      strategy.maxInFlight(config.load),
      runTag,
      { mainLoopBusy, ...(options.issuerThreads ? { threads: options.issuerThreads } : {}) },
    );
  } catch (error) {
    await stopSidecarsEarly();
    throw error;
  }
  const { runner, note } = choice;
  if (note) notes.push(`Note: ${note}`);
  let shardStart: ShardStart | null = null;
  if (shard) {
    const { startAt, barrierDir, barrierTimeout } = config.distributed;
    try {
      shardStart = await awaitShardStart({ shard, startAtEpochMs: startAt, barrierDir, barrierTimeoutSeconds: barrierTimeout ?? DEFAULT_BARRIER_TIMEOUT_SECONDS, ...(io.signal ? { signal: io.signal } : {}) });
    } catch (error) {
      await runner.close();
      await stopSidecarsEarly();
      throw error;
    }
    if (shardStart.lateMs > 1000) log.warning(`shard ${shard.index}/${shard.count} started ${shardStart.lateMs} ms after the agreed start time`);
    log.info(`shard ${shard.index}/${shard.count}: ${config.load.requestCount ?? 'no'} requests, concurrency ${config.load.concurrency ?? 'uncapped'} (${shardStart.mode} start)`);
  }
  const startTimeNs = clock.nowEpochNs();
  let phases: PhasesOutcome;
  try {
    const telemetry = () => mergeLiveTelemetry(sidecars.map((s) => s.live?.()));
    phases = await runPhases(runner, sink, config, { ...io, signal }, clock, options.skipWarmup ?? false, log, telemetry);
  } finally {
    await runner.close();
    await sink.close();
  }
  const { cancelled, failureStop } = phases;
  const stopReason = failureStop ? describeFailureStop(failureStop) : null;
  if (stopReason) log.error(stopReason);
  if (phases.convergence) notes.push(`Note: ${convergenceNote(phases.convergence, registries)}`);
  if (sink.abandoned > 0) {
    notes.push(`Note: ${sink.abandoned} requests still in flight when the run ended were dropped (not in the metrics)`);
  }
  const endTimeNs = clock.nowEpochNs();
  const window = { startEpochNs: phases.profilingStartNs, endEpochNs: phases.profilingEndNs };
  const sidecarResults = await Promise.all(sidecars.map((s) => s.stop(window)));

  if (shard && shardStart) {
    const manifest = shardManifest({ shard, wholeConfig, shardLoad: config.load, datasetEntries: dataset.length, start: shardStart, ...(options.cliCommand ? { cliCommand: options.cliCommand } : {}) });
    await writer.write(SHARD_FILE, stringifyJson(manifest, 2));
  }
  const extraSummary = {
    ...options.extraSummary,
    ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}),
    ...(phases.convergence ? { convergence: convergenceSummary(phases.convergence, registries) } : {}),
  };
  const exportOptions = shard || phases.convergence ? { ...options, extraSummary } : options;
  const written = await writeRunExports({
    writer, config, store, context, goodput: config.goodput, sidecarResults, options: exportOptions, notes,
    artifactDir, files, cancelled, clientHealth: phases.clientHealth, endpointTitle: endpoint.metricsTitle,
    benchmarkId: randomUUID(), startTimeNs, endTimeNs, stdout: io.stdout, logLines: log.lines,
    urlCounts: targets.length > 1 ? urlRequestCounts(targets, sink.perUrl) : null,
  });
  const failure = writer.failure(keptRecordFiles(sink, files), diskFailure.signal.aborted ? 'stopped' : 'finished');
  if (failure) throw failure;
  const { validCount: successful, errorCount } = runFacts(store, {});
  const usageWarning = usageDiscrepancyWarning(written.summary, config.endpoint.useServerTokenCount);
  if (usageWarning) io.stderr.write(`warning: ${usageWarning}\n`);
  return {
    artifactDir,
    // A stop on too many failures is the server's verdict, not the user's Ctrl+C.
    exitCode: failureStop ? 1 : cancelled ? 130 : successful === 0 ? 1 : 0,
    cancelled,
    ...(stopReason ? { stopReason } : {}),
    successfulRequestCount: successful,
    errorRequestCount: errorCount,
    summary: written.summary,
  };
}

/** The streamed record files, for the account of what a failed run saved. */
function keptRecordFiles(sink: RecordSink, files: ExportFileNames): KeptFile[] {
  const kept: KeptFile[] = [];
  if (sink.out) kept.push({ name: files.recordsJsonl, detail: `${sink.out.committedLines} whole records`, error: sink.out.error });
  if (sink.rawOut) kept.push({ name: files.rawJsonl, detail: `${sink.rawOut.committedLines} whole records`, error: sink.rawOut.error });
  return kept;
}

/** The run's registries; what the caller did not pass is the built-ins. */
function engineRegistries(options: RunProfileOptions): EngineRegistries {
  return {
    endpointTypes: options.registries?.endpointTypes ?? createEndpointTypeRegistry(),
    timingStrategies: options.registries?.timingStrategies ?? createTimingStrategyRegistry(),
    metrics: options.registries?.metrics ?? createMetricRegistry(),
    datasetLoaders: options.registries?.datasetLoaders ?? createDatasetLoaderRegistry(),
  };
}

/** A fixed schedule without a count or duration sends each dataset entry once; they need timestamps. */
function withTraceRequestCount(config: BenchmarkConfig, dataset: readonly DatasetTurn[]): BenchmarkConfig {
  const { load } = config;
  if (load.mode !== 'fixed_schedule') return config;
  if (dataset.length === 0) {
    throw new ProfileConfigError(
      `--fixed-schedule-start-offset/--fixed-schedule-end-offset: no trace entry has a timestamp in [${load.fixedScheduleStartOffsetMs ?? 0}, ${load.fixedScheduleEndOffsetMs ?? '∞'}] ms`,
    );
  }
  const missing = dataset.findIndex((turn) => turn.timestampMs === undefined);
  if (missing >= 0) {
    throw new ProfileConfigError(
      `--fixed-schedule: dataset entry ${missing + 1} has no "timestamp" (ms); give every line one, or pass --no-fixed-schedule`,
    );
  }
  if (load.requestCount !== null || load.benchmarkDurationSeconds !== null) return config;
  return { ...config, load: { ...load, requestCount: dataset.length } };
}
