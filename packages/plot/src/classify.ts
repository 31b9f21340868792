import { basename, dirname } from 'node:path';
import micromatch from 'micromatch';
import type { ExperimentClassification } from './config/types.js';
import type { ExperimentType } from './types.js';

// `bash: true` lets `*` cross `/` when a glob is matched against a full run path (like Python's fnmatch);
// matching is case-sensitive.
const matches = (value: string, glob: string): boolean => micromatch.isMatch(value, glob, { bash: true, dot: true });
const matchesAny = (value: string, globs: readonly string[]): boolean => globs.some((glob) => matches(value, glob));

/** Baseline if a baseline glob matches the run name or path, else treatment if a treatment glob does, else the default. */
export function classifyExperiment(runDir: string, classification: ExperimentClassification | undefined): ExperimentType {
  if (!classification) return 'treatment';
  const name = basename(runDir);
  if (classification.baselines.some((glob) => matches(name, glob) || matches(runDir, glob))) return 'baseline';
  if (classification.treatments.some((glob) => matches(name, glob) || matches(runDir, glob))) return 'treatment';
  return classification.default;
}

/**
 * The series a run belongs to: its parent directory when that name matches a pattern (a sweep of one
 * experiment), else the run directory name; `group_extraction_pattern`'s first capture group, when it matches,
 * merges variants (`treatment_1_varA` → `treatment_1`).
 */
export function experimentGroup(runDir: string, classification: ExperimentClassification | undefined): string {
  const parent = basename(dirname(runDir));
  const patterns = classification ? [...classification.baselines, ...classification.treatments] : [];
  const group = matchesAny(parent, patterns) ? parent : basename(runDir);
  const pattern = classification?.group_extraction_pattern;
  const extracted = pattern ? new RegExp(pattern).exec(group)?.[1] : undefined;
  return extracted ?? group;
}
