import { join } from 'node:path';
import type { BenchmarkConfig } from '@aiperf/config';

function stimulusOf(load: BenchmarkConfig['load']): string {
  const parts: string[] = [];
  if (load.concurrency !== null) parts.push(`concurrency${load.concurrency}`);
  if (load.mode === 'request_rate' && load.requestRate !== null) {
    parts.push(`request_rate${Number.isInteger(load.requestRate) ? `${load.requestRate}.0` : load.requestRate}`);
  }
  return parts.join('-') || 'concurrency1';
}

/**
 * The top-level directory of a multi-run or sweep: the user's directory when named explicitly, else
 * `<dir>/<model>-openai-<type>-<stimulus>` as profile.md §1.9 names it (`concurrency_sweep_1_4_16` for a sweep).
 */
export function multiRunBaseDir(benchmark: BenchmarkConfig, sweepStimulus: string | null): string {
  const { output, endpoint } = benchmark;
  if (output.artifactDirExplicit) return output.artifactDir;
  const model = (endpoint.models[0] ?? 'model').replaceAll('/', '_') + (endpoint.models.length > 1 ? '_multi' : '');
  const stimulus = sweepStimulus ?? stimulusOf(benchmark.load);
  return join(output.artifactDir, `${model}-openai-${endpoint.type}-${stimulus}`);
}
