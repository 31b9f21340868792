// Interface contract (filled in by the loadgen work; keep these names and shapes stable).
import type { BenchmarkConfig } from '@aiperf/config';

export interface ProfileIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Aborting stops issuing requests, waits a short grace for in-flight ones, then writes all exports. */
  signal?: AbortSignal;
}

/** The run's clock: epoch nanoseconds derived from a monotonic clock (never through a JS number). */
export interface RunClock {
  nowEpochNs(): bigint;
}

/** What a sidecar (e.g. GPU telemetry) contributes to a run's exports. */
export interface SidecarResult {
  /** Merged at the top level of profile_export_aiperf.json (e.g. `{ telemetry_data: … }`). */
  summaryJson?: Record<string, unknown>;
  /** Printed after the main console table. */
  consoleText?: string;
  /** Number of GPUs observed; feeds "token throughput per GPU". */
  gpuCount?: number;
  /** Extra export file paths written by the sidecar, listed in the console footer. */
  files?: string[];
}

/** Something that runs alongside the load (started before the first request, stopped after the last). */
export interface RunSidecar {
  name: string;
  start(context: { clock: RunClock; artifactDir: string }): Promise<void>;
  /** The profiling window (warmup excluded) in epoch ns. */
  stop(window: { startEpochNs: bigint; endEpochNs: bigint }): Promise<SidecarResult>;
}

export interface RunProfileOptions {
  /** Write into exactly this directory (sweeps and multi-runs pass per-trial dirs). */
  artifactDir?: string;
  sidecars?: RunSidecar[];
}

export interface ProfileRunResult {
  artifactDir: string;
  /** 0 on success; non-zero when cancelled by the user or nothing succeeded. */
  exitCode: number;
  cancelled: boolean;
  successfulRequestCount: number;
  errorRequestCount: number;
  /** The object written to profile_export_aiperf.json. */
  summary: Record<string, unknown>;
}

export async function runProfile(
  _config: BenchmarkConfig,
  _io: ProfileIo,
  _options: RunProfileOptions = {},
): Promise<ProfileRunResult> {
  throw new Error('runProfile: not implemented yet');
}
