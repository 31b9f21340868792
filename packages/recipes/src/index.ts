// Interface contract (filled in by the recipes/hooks work; keep these names and shapes stable).
import type { AiperfConfig } from '@aiperf/config';

export interface BenchmarkIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
}

/** Runs what the config asks for (one profile, a multi-run or a sweep), then the post-run hooks. Returns the exit code. */
export async function runBenchmark(_config: AiperfConfig, _io: BenchmarkIo): Promise<number> {
  throw new Error('runBenchmark: not implemented yet');
}
