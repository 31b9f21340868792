import type { LiveSnapshot, LiveTelemetry } from './run/live-snapshot.js';
import type { IssuerThreadPool } from './run/issuer-thread-pool.js';

// Public contract shared with the CLI, recipes and telemetry packages (names and shapes are stable).
import type { RunClock } from '@aiperf/stats';
import type { EndpointTypeRegistry } from './endpoints/registry.js';
import type { MetricRegistry } from './metrics/registry.js';
import type { DatasetLoaderRegistry } from './dataset/loaders.js';
import type { TimingStrategyRegistry } from './timing/strategies.js';

export interface ProfileIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Aborting stops issuing requests, waits a short grace for in-flight ones, then writes all exports. */
  signal?: AbortSignal;
  /**
   * With `--ui dashboard`: starts the caller's live view (the full-screen dashboard) instead of the progress
   * line; `snapshot()` reads the live numbers. Returns what stops it.
   */
  liveView?: (source: { snapshot(): LiveSnapshot }) => { stop(): void };
}

/** What a sidecar (e.g. GPU telemetry) contributes to a run's exports. */
export interface SidecarResult {
  /** Merged at the top level of profile_export_aiperf.json (e.g. `{ telemetry_data: … }`). */
  summaryJson?: Record<string, unknown>;
  /** A CSV section appended to profile_export_aiperf.csv after two blank lines (e.g. the GPU telemetry table). */
  summaryCsv?: string;
  /** Printed after the main console table. */
  consoleText?: string;
  /** Number of GPUs observed; feeds "token throughput per GPU". */
  gpuCount?: number;
  /** Extra export file paths written by the sidecar, listed in the console footer as `Export: <path>`. */
  files?: string[];
  /** The same files with a footer label (`GPU Telemetry Export: <path>`); a path here is not repeated from `files`. */
  labeledFiles?: LabeledFile[];
}

/** An export file and its console footer label, e.g. `{ label: 'GPU Telemetry Export', path }`. */
export interface LabeledFile {
  label: string;
  path: string;
}

/** Something that runs alongside the load (started before the first request, stopped after the last). */
export interface RunSidecar {
  name: string;
  start(context: { clock: RunClock; artifactDir: string }): Promise<void>;
  /** The profiling window (warmup excluded) in epoch ns. */
  stop(window: { startEpochNs: bigint; endEpochNs: bigint }): Promise<SidecarResult>;
  /** The newest readings while it runs (latest sample per GPU / per server), for the live views. */
  live?(): Partial<LiveTelemetry>;
  /**
   * Asked once after start(): whether it will work on the main loop while the load runs (scrapes that parse for
   * milliseconds). False when none of its endpoints answered and it dropped them all; absent = true. While any
   * sidecar is busy, requests are issued from a worker thread so that no chunk's timestamp waits for a scrape.
   */
  busyDuringRun?(): boolean;
}

export interface RunProfileOptions {
  /** Write into exactly this directory (sweeps and multi-runs pass per-trial dirs). */
  artifactDir?: string;
  sidecars?: RunSidecar[];
  /** The command line as typed (secrets redacted), shown in the console footer. */
  cliCommand?: string;
  /** Extra top-level keys for profile_export_aiperf.json (e.g. `run_info` from a multi-run). */
  extraSummary?: Record<string, unknown>;
  /** Skip the warmup phase even when the config asks for one (multi-run after the first run). */
  skipWarmup?: boolean;
  /** The run's registries (built-ins plus plugins'); each defaults to the built-ins. */
  registries?: Partial<EngineRegistries>;
  /**
   * URLs of the plugin modules the registries came from. Worker threads cannot receive functions, so each
   * thread imports these and rebuilds its endpoint types and timing strategies from them.
   */
  pluginModules?: readonly string[];
  /**
   * Issuing worker threads kept warm across the runs of this process (a multi-run, a sweep, a search's probes):
   * a run that issues from threads takes them from here and gives them back. Default: the run starts its own and
   * ends them. The caller closes the pool.
   */
  issuerThreads?: IssuerThreadPool;
}

/** What the engine looks names up in: `--endpoint-type`, `benchmark.load.mode`, the metric tags, `--custom-dataset-type`. */
export interface EngineRegistries {
  endpointTypes: EndpointTypeRegistry;
  timingStrategies: TimingStrategyRegistry;
  metrics: MetricRegistry;
  datasetLoaders: DatasetLoaderRegistry;
}

export interface ProfileRunResult {
  artifactDir: string;
  /** 0 on success; non-zero when cancelled by the user or nothing succeeded. */
  exitCode: number;
  cancelled: boolean;
  /** Why the run stopped before its end on its own (`--failed-request-threshold`), in one line; absent otherwise. */
  stopReason?: string;
  successfulRequestCount: number;
  errorRequestCount: number;
  /** The object written to profile_export_aiperf.json. */
  summary: Record<string, unknown>;
}
