import { availableParallelism } from 'node:os';
import type { BenchmarkConfig } from '@aiperf/config';
import type { MonotonicRunClock } from '@aiperf/stats';
import { type ClientHealth, assessClientHealth } from '../monitor/client-health.js';
import { startLoopMonitor } from '../monitor/loop-monitor.js';
import type { ProfileIo } from '../types.js';
import { drivePhase } from './drive-phase.js';
import type { LoadRunner } from './load-runner.js';
import { startProgress } from './progress.js';
import type { RecordSink } from './record-sink.js';

export interface PhasesOutcome {
  cancelled: boolean;
  /** The profiling window in epoch ns (warmup excluded), for sidecars. */
  profilingStartNs: bigint;
  profilingEndNs: bigint;
  /** The client's own load during profiling; null when profiling never ran. */
  clientHealth: ClientHealth | null;
}

/** Warmup (unless skipped), then profiling, with the progress display running throughout. */
export async function runPhases(
  runner: LoadRunner,
  sink: RecordSink,
  config: BenchmarkConfig,
  io: ProfileIo,
  clock: MonotonicRunClock,
  skipWarmup: boolean,
): Promise<PhasesOutcome> {
  const drive = { gracePeriodSeconds: config.load.gracePeriodSeconds, signal: io.signal, onRecord: sink.add.bind(sink) };
  const progress = startProgress(io.stderr, config.ui, config.load.requestCount, config.load.benchmarkDurationSeconds, () => sink);
  let cancelled = false;
  try {
    const warmupCount = skipWarmup ? 0 : config.load.warmupRequestCount;
    if (warmupCount > 0) {
      sink.startPhase('warmup');
      cancelled = (await drivePhase(runner, { phase: 'warmup', requestCount: warmupCount, sessionCount: null, durationNs: null }, drive)).cancelled;
    }
    sink.startPhase('profiling');
    const profilingStartNs = clock.nowEpochNs();
    let clientHealth: ClientHealth | null = null;
    if (!cancelled) {
      const { benchmarkDurationSeconds, requestCount } = config.load;
      const durationNs = benchmarkDurationSeconds === null ? null : benchmarkDurationSeconds * 1e9;
      // With worker threads the main thread only collects records; its loop is watched as well.
      const main = runner.usesWorkerThreads ? startLoopMonitor('main') : null;
      const cpuAtStart = process.cpuUsage();
      const startMs = performance.now();
      const outcome = await drivePhase(runner, { phase: 'profiling', requestCount, sessionCount: config.load.conversationNum ?? null, durationNs }, drive);
      const cpu = process.cpuUsage(cpuAtStart);
      const threads = main ? [main.stop(), ...outcome.threads] : outcome.threads;
      clientHealth = assessClientHealth(threads, cpu.user + cpu.system, performance.now() - startMs, availableParallelism());
      cancelled = outcome.cancelled;
    }
    return { cancelled, profilingStartNs, profilingEndNs: clock.nowEpochNs(), clientHealth };
  } finally {
    progress.stop();
  }
}
