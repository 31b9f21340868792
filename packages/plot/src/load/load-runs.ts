import type { PlotMode } from '../index.js';
import type { RunData } from '../types.js';
import { detectMode, PlotInputError } from './discover.js';
import { loadRun } from './load-run.js';

export interface LoadRunsResult {
  mode: PlotMode;
  runs: RunData[];
  warnings: string[];
}

/**
 * Finds runs under `paths` and loads them: a single run with its per-request rows (streamed), several runs
 * from their summaries only. Runs that fail to load are skipped with a warning; if none loads, it throws.
 */
export async function loadRuns(paths: readonly string[], options: { withRequests?: boolean } = {}): Promise<LoadRunsResult> {
  const { mode, runDirs, warnings } = detectMode(paths);
  const withRequests = options.withRequests ?? mode === 'single_run';
  const runs: RunData[] = [];
  for (const dir of runDirs) {
    try {
      const run = await loadRun(dir, { withRequests });
      warnings.push(...run.warnings);
      runs.push(run);
    } catch (error) {
      warnings.push(`Failed to load run from ${dir}: ${(error as Error).message}`);
    }
  }
  if (runs.length === 0) {
    throw new PlotInputError(`Failed to load any valid profiling runs:\n  ${warnings.join('\n  ')}`);
  }
  return { mode, runs, warnings };
}
