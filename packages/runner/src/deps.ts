import type { BenchmarkConfig } from '@aiperf/config';
import type { ProfileIo, ProfileRunResult, RunProfileOptions, RunSidecar } from '@aiperf/loadgen';

/** What the orchestrator calls out to; injectable so layout and exit-code logic is testable without a server. */
export interface BenchmarkDeps {
  io: ProfileIo;
  runProfile(config: BenchmarkConfig, io: ProfileIo, options: RunProfileOptions): Promise<ProfileRunResult>;
  sidecars(benchmark: BenchmarkConfig): RunSidecar[];
  /** Warning/error lines (stderr). */
  log(line: string): void;
  /** Handed to every run: the engine's registries, the plugin modules they came from, the issuing threads. */
  engine: Pick<RunProfileOptions, 'registries' | 'pluginModules' | 'issuerThreads'>;
}
