import { availableParallelism } from 'node:os';
import type { BenchmarkConfig } from '@aiperf/config';
import type { MonotonicRunClock } from '@aiperf/stats';
import { type ClientHealth, assessClientHealth } from '../monitor/client-health.js';
import { startLoopMonitor } from '../monitor/loop-monitor.js';
import type { ProfileIo } from '../types.js';
import { drivePhase } from './drive-phase.js';
import type { LoadRunner } from './load-runner.js';
import { RunLog } from '../log/run-log.js';
import { LiveStats } from './live-stats.js';
import { type LiveSnapshot, type LiveTelemetry, newInFlightCell } from './live-snapshot.js';
import { type ProgressDisplay, startProgress } from './progress.js';
import { startStatsBlocks } from './stats-blocks.js';
import { FailureGuard, type FailureStop } from './failure-guard.js';
import { type ConvergenceStatus, ConvergenceWatch } from './convergence-watch.js';
import { describeConvergence } from './convergence-text.js';
import { describeWarmup, warmupPlan } from './warmup-plan.js';
import type { RequestRecord } from '../records.js';
import type { RecordSink } from './record-sink.js';

export interface PhasesOutcome {
  cancelled: boolean;
  /** The profiling window in epoch ns (warmup excluded), for sidecars. */
  profilingStartNs: bigint;
  profilingEndNs: bigint;
  /** The client's own load during profiling; null when profiling never ran. */
  clientHealth: ClientHealth | null;
  /** Set when `--failed-request-threshold` stopped profiling. */
  failureStop: FailureStop | null;
  /** `--convergence-scope run`: the final judgement over every profiling value, and whether it stopped profiling. */
  convergence: { status: ConvergenceStatus; atStop: ConvergenceStatus | null } | null;
}

/** The caller's live view (the dashboard) or the progress line, plus `--stats-interval` blocks in the simple UI. */
function startLiveViews(io: ProfileIo, config: BenchmarkConfig, read: () => LiveSnapshot, sink: RecordSink, convergence: () => ConvergenceStatus | null): ProgressDisplay {
  if (config.ui === 'dashboard' && io.liveView) return io.liveView({ snapshot: read });
  const counts = () => ({ phase: sink.phase, completed: sink.completed, errors: sink.errors, convergence: convergence() });
  const line = startProgress(io.stderr, config.ui, config.load.requestCount, config.load.benchmarkDurationSeconds, counts);
  const interval = config.reporting.statsIntervalSeconds;
  const blocks = interval !== null && config.ui !== 'none' ? startStatsBlocks(io.stderr, interval, read) : null;
  return {
    stop() {
      blocks?.stop();
      line.stop();
    },
  };
}

/** Warmup (unless skipped), then profiling, with the progress display running throughout. */
export async function runPhases(
  runner: LoadRunner,
  sink: RecordSink,
  config: BenchmarkConfig,
  io: ProfileIo,
  clock: MonotonicRunClock,
  skipWarmup: boolean,
  log: RunLog = new RunLog(io.stderr, 'info'),
  telemetry: () => LiveTelemetry = () => ({ gpus: [], servers: [] }),
): Promise<PhasesOutcome> {
  const warmup = skipWarmup ? null : warmupPlan(config);
  const live = new LiveStats({
    requestCount: config.load.requestCount, durationSeconds: config.load.benchmarkDurationSeconds,
    warmupRequestCount: warmup?.requestCount ?? null, warmupDurationSeconds: warmup?.durationNs == null ? null : warmup.durationNs / 1e9,
  });
  // Too many failed requests stop profiling the way Ctrl+C does (stop sending, short grace, write everything).
  const failureStopper = new AbortController();
  const guard = new FailureGuard(config.failedRequestThreshold, config.load, () => failureStopper.abort());
  const signal = io.signal ? AbortSignal.any([io.signal, failureStopper.signal]) : failureStopper.signal;
  // Convergence within the run ends profiling normally: stop sending, let what is in flight finish (the grace).
  const converged = new AbortController();
  const watch = config.convergence === null ? null : new ConvergenceWatch(
    config.convergence,
    { records: () => sink.store.length, value: (row) => sink.store.value(config.convergence!.metric, row) },
    { requestCount: config.load.requestCount, durationSeconds: config.load.benchmarkDurationSeconds },
    (status) => {
      log.info(`converged: ${describeConvergence(status)}; profiling stops sending`);
      converged.abort();
    },
  );
  const convergenceNow = () => (watch !== null && sink.phase === 'profiling' ? watch.status : null);
  const onRecord = (record: RequestRecord) => {
    sink.add(record);
    live.add(record);
    guard.add(record);
    if (log.enabled('trace')) {
      const outcome = record.abandoned ? 'abandoned' : record.error ? `error ${record.error.code ?? ''} ${record.error.message}` : 'ok';
      log.trace(`request ${record.xRequestId} ${record.phase}: ${outcome}, ${((record.lastResponseOffsetNs ?? record.endOffsetNs) / 1e6).toFixed(2)} ms, ${record.outputTokenCount ?? 0} output tokens`);
    }
  };
  const drive = { gracePeriodSeconds: config.load.gracePeriodSeconds, signal, onRecord };
  // Each phase gets a fresh cell: a request abandoned at the end of one phase is not counted into the next.
  let inFlightCell = newInFlightCell();
  const read = (): LiveSnapshot => ({ ...live.snapshot(), inFlight: Atomics.load(inFlightCell, 0), ...telemetry(), convergence: convergenceNow() });
  const progress = startLiveViews(io, config, read, sink, convergenceNow);
  let cancelled = false;
  try {
    if (warmup) {
      sink.startPhase('warmup');
      live.startPhase('warmup');
      inFlightCell = newInFlightCell();
      const { requestCount, sessionCount, durationNs, load } = warmup;
      log.info(describeWarmup(warmup, config.load));
      const start = { phase: 'warmup' as const, requestCount, sessionCount, durationNs, inFlightCell, ...(load === config.load ? {} : { load }) };
      cancelled = (await drivePhase(runner, start, { ...drive, gracePeriodSeconds: warmup.gracePeriodSeconds })).cancelled;
    }
    sink.startPhase('profiling');
    live.startPhase('profiling');
    inFlightCell = newInFlightCell();
    log.debug(`profiling: ${config.load.requestCount ?? 'no'} request limit, ${config.load.benchmarkDurationSeconds ?? 'no'} s duration limit, ${config.load.mode} mode`);
    const profilingStartNs = clock.nowEpochNs();
    let clientHealth: ClientHealth | null = null;
    if (!cancelled) {
      const { benchmarkDurationSeconds, requestCount } = config.load;
      const durationNs = benchmarkDurationSeconds === null ? null : benchmarkDurationSeconds * 1e9;
      // With worker threads the main thread only collects records; its loop is watched as well.
      const main = runner.usesWorkerThreads ? startLoopMonitor('main') : null;
      const cpuAtStart = process.cpuUsage();
      const startMs = performance.now();
      watch?.start();
      const outcome = await drivePhase(runner, { phase: 'profiling', requestCount, sessionCount: config.load.conversationNum ?? null, durationNs, inFlightCell }, { ...drive, finish: converged.signal });
      const cpu = process.cpuUsage(cpuAtStart);
      const threads = main ? [main.stop(), ...outcome.threads] : outcome.threads;
      clientHealth = assessClientHealth(threads, cpu.user + cpu.system, performance.now() - startMs, availableParallelism());
      cancelled = outcome.cancelled;
    }
    log.debug(`profiling ended${cancelled ? ' (cancelled)' : ''}: ${sink.completed} requests finished, ${sink.errors} errors`);
    const convergence = watch === null ? null : { status: watch.finish(), atStop: watch.atStop };
    return { cancelled, profilingStartNs, profilingEndNs: clock.nowEpochNs(), clientHealth, failureStop: guard.tripped, convergence };
  } finally {
    watch?.finish();
    progress.stop();
  }
}
