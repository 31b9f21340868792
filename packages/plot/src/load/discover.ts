import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PlotMode } from '../index.js';
import { RUN_FILES } from './files.js';

/** Bad input paths (missing, not a directory, no runs): the user's fault, shown without a stack. */
export class PlotInputError extends Error {
  override name = 'PlotInputError';
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // missing or a broken symlink: counts as absent
  }
};

/** A run has per-request records or a summary; an aggregate cell counts unless it shadows a real run. */
export function isRunDirectory(dir: string): boolean {
  if (isFile(join(dir, RUN_FILES.requests)) || isFile(join(dir, RUN_FILES.summary))) return true;
  if (!isFile(join(dir, RUN_FILES.aggregate))) return false;
  const parent = dirname(dir);
  if (basename(dir) === 'aggregate' && hasRunPair(parent)) return false;
  if (basename(parent) === 'aggregate' && hasRunPair(join(dirname(parent), basename(dir)))) return false;
  return true;
}

const hasRunPair = (dir: string): boolean => isFile(join(dir, RUN_FILES.requests)) && isFile(join(dir, RUN_FILES.summary));

const hasValidAggregate = (dir: string): boolean => {
  const aggregateDir = join(dir, 'aggregate');
  return existsSync(aggregateDir) && walk(aggregateDir, new Set(), []).length > 0;
};

/** Depth-first walk with no depth limit; real paths are visited once so symlink loops end. */
function walk(dir: string, seen: Set<string>, warnings: string[]): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (seen.has(real)) return [];
  seen.add(real);
  const runs = isRunDirectory(dir) ? [dir] : [];
  let entries: string[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch (error) {
    warnings.push(`Skipping unreadable directory ${dir}: ${(error as Error).message}`);
    return runs;
  }
  for (const name of entries.sort()) {
    const child = join(dir, name);
    if (!safeIsDirectory(child)) continue;
    // Trials of a multi-trial sweep collapse to the aggregate cell when one exists.
    if (name === 'profile_runs' && hasValidAggregate(dir)) continue;
    runs.push(...walk(child, seen, warnings));
  }
  return runs;
}

const safeIsDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

export interface DetectedRuns {
  mode: PlotMode;
  runDirs: string[];
  warnings: string[];
}

/** Finds the run directories under `paths` and picks the mode: 1 run → single_run, ≥ 2 → multi_run. */
export function detectMode(paths: readonly string[]): DetectedRuns {
  if (paths.length === 0) throw new PlotInputError('No paths provided');
  const warnings: string[] = [];
  const byRealPath = new Map<string, string>();
  for (const input of paths) {
    const absolute = resolve(input);
    if (!existsSync(absolute)) throw new PlotInputError(`Path does not exist: ${input}`);
    if (!safeIsDirectory(absolute)) throw new PlotInputError(`Path is not a directory: ${input}`);
    const found = walk(absolute, new Set(), warnings);
    if (found.length === 0) throw new PlotInputError(`Path does not contain any valid run directories: ${input}`);
    for (const dir of found) {
      const real = realpathSync(dir);
      if (!byRealPath.has(real)) byRealPath.set(real, dir);
    }
  }
  const runDirs = [...byRealPath.values()].sort();
  return { mode: runDirs.length === 1 ? 'single_run' : 'multi_run', runDirs, warnings };
}
