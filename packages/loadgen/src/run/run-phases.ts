import type { BenchmarkConfig } from '@aiperf/config';
import type { MonotonicRunClock } from '@aiperf/stats';
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
      cancelled = (await drivePhase(runner, { phase: 'warmup', requestCount: warmupCount, durationNs: null }, drive)).cancelled;
    }
    sink.startPhase('profiling');
    const profilingStartNs = clock.nowEpochNs();
    if (!cancelled) {
      const { benchmarkDurationSeconds, requestCount } = config.load;
      const durationNs = benchmarkDurationSeconds === null ? null : benchmarkDurationSeconds * 1e9;
      cancelled = (await drivePhase(runner, { phase: 'profiling', requestCount, durationNs }, drive)).cancelled;
    }
    return { cancelled, profilingStartNs, profilingEndNs: clock.nowEpochNs() };
  } finally {
    progress.stop();
  }
}
