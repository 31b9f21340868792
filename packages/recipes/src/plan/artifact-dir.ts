import { join } from 'node:path';
import type { BenchmarkConfig } from '@aiperf/config';
import { artifactDirName } from '@aiperf/loadgen';

/**
 * The top-level directory of a multi-run or sweep: the user's directory when named explicitly, else
 * loadgen's `<dir>/<model>-openai-<type>-<stimulus>`, with the sweep's stimulus
 * (`concurrency_sweep_1_4_16`, or the recipe name) in place of the single-run one.
 */
export function multiRunBaseDir(benchmark: BenchmarkConfig, sweepStimulus: string | null): string {
  const { output, endpoint } = benchmark;
  if (output.artifactDirExplicit) return output.artifactDir;
  if (sweepStimulus === null) return join(output.artifactDir, artifactDirName(benchmark));
  const model = (endpoint.models[0] ?? 'model').replaceAll('/', '_') + (endpoint.models.length > 1 ? '_multi' : '');
  return join(output.artifactDir, `${model}-openai-${endpoint.type}-${sweepStimulus}`);
}
