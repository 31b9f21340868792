import { join } from 'node:path';
import type { BenchmarkConfig } from '@aiperf/config';

/**
 * Artifact naming. `artifactDirName` is the AIPerf subdirectory used when the user did not
 * name the directory: `<model>-<service kind>-<endpoint type>-<stimulus>`.
 */
export function artifactDirName(config: BenchmarkConfig): string {
  const { models, type } = config.endpoint;
  const model = models[0]!.replaceAll('/', '_') + (models.length > 1 ? '_multi' : '');
  return `${model}-openai-${type}-${stimulusName(config)}`;
}

function stimulusName(config: BenchmarkConfig): string {
  const { mode, concurrency, requestRate } = config.load;
  const parts: string[] = [];
  if (concurrency !== null) parts.push(`concurrency${concurrency}`);
  if (mode === 'request_rate' && requestRate !== null) parts.push(`request_rate${formatPythonFloat(requestRate)}`);
  if (parts.length === 0) parts.push('concurrency1');
  return parts.join('-');
}

/** Python prints floats with at least one decimal (`10.0`, `2.5`). */
function formatPythonFloat(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** Where a run writes: the explicit directory as is, else `<artifactDir>/<artifactDirName>`. */
export function resolveArtifactDir(config: BenchmarkConfig, explicitDir?: string): string {
  if (explicitDir) return explicitDir;
  if (config.output.artifactDirExplicit) return config.output.artifactDir;
  return join(config.output.artifactDir, artifactDirName(config));
}

export interface ExportFileNames {
  summaryJson: string;
  summaryCsv: string;
  recordsJsonl: string;
  rawJsonl: string;
  timeslicesJson: string;
  timeslicesCsv: string;
  inputsJson: string;
  logFile: string;
}

const KNOWN_SUFFIXES = ['_timeslices.json', '_timeslices.csv', '_raw.jsonl', '_aiperf.json', '_aiperf.csv', '.jsonl', '.json', '.csv'];

/** File names in a run directory; `--profile-export-prefix foo` renames them (`foo.json`, no `_aiperf` infix). */
export function exportFileNames(prefix: string | null): ExportFileNames {
  let stem = prefix;
  if (stem) {
    const suffix = KNOWN_SUFFIXES.find((s) => stem!.endsWith(s));
    if (suffix) stem = stem.slice(0, -suffix.length);
  }
  const summary = stem ?? 'profile_export_aiperf';
  const records = stem ?? 'profile_export';
  return {
    summaryJson: `${summary}.json`,
    summaryCsv: `${summary}.csv`,
    recordsJsonl: `${records}.jsonl`,
    rawJsonl: `${records}_raw.jsonl`,
    timeslicesJson: `${summary}_timeslices.json`,
    timeslicesCsv: `${summary}_timeslices.csv`,
    inputsJson: 'inputs.json',
    logFile: join('logs', 'aiperf.log'),
  };
}
