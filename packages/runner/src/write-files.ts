import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildConfidenceAggregate,
  CONFIDENCE_AGGREGATE_BASENAME,
  type ConfidenceAggregateInput,
  confidenceAggregateCsv,
  type PostProcessSpec,
  postProcess,
  SWEEP_AGGREGATE_BASENAME,
  SWEEP_CELL_FILENAME,
  type SweepVariation,
  sweepAggregateCsv,
  sweepCellMetadata,
} from '@aiperf/recipes';

// The file edge of the pure aggregation and post-processing in @aiperf/recipes.

export async function writeConfidenceAggregate(dir: string, input: ConfidenceAggregateInput): Promise<{ jsonPath: string; aggregate: Record<string, unknown> }> {
  const aggregate = buildConfidenceAggregate(input);
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, `${CONFIDENCE_AGGREGATE_BASENAME}.json`);
  await writeFile(jsonPath, `${JSON.stringify(aggregate, null, 2)}\n`);
  await writeFile(join(dir, `${CONFIDENCE_AGGREGATE_BASENAME}.csv`), confidenceAggregateCsv(aggregate.metrics as Record<string, Record<string, unknown>>));
  return { jsonPath, aggregate };
}

export async function writeSweepAggregate(dir: string, aggregate: Record<string, unknown>): Promise<string> {
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, `${SWEEP_AGGREGATE_BASENAME}.json`);
  await writeFile(jsonPath, `${JSON.stringify(aggregate, null, 2)}\n`);
  await writeFile(join(dir, `${SWEEP_AGGREGATE_BASENAME}.csv`), sweepAggregateCsv(aggregate));
  return jsonPath;
}

/** Writes the recipe's result file (or `post_process_errors.json` with a warning); returns the result's path or null. */
export async function writePostProcess(
  spec: PostProcessSpec,
  aggregate: Record<string, unknown>,
  dir: string,
  warn: (line: string) => void,
): Promise<string | null> {
  const file = postProcess(spec, aggregate);
  await mkdir(dir, { recursive: true });
  const path = join(dir, file.fileName);
  await writeFile(path, file.json);
  if (file.error !== null) {
    warn(`WARNING ${file.error}`);
    return null;
  }
  return path;
}

/** `sweep_cell.json` in a sweep cell's directory: the variation it ran (label, values, variant name). */
export async function writeSweepCell(dir: string, variation: SweepVariation): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, SWEEP_CELL_FILENAME), `${JSON.stringify(sweepCellMetadata(variation), null, 2)}\n`);
}
