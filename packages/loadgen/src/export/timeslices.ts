import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { computeStoreMetrics } from '../metrics/compute.js';
import type { MetricContext } from '../metrics/types.js';
import type { LabeledFile } from '../types.js';
import { toAiperfInputConfig } from './input-config.js';
import { stringifyJson } from './json-text.js';
import { isFloatStat } from './summary-json.js';
import { exportedResults, metricBlock } from './summary-json.js';
import type { RunExportInput } from './write-exports.js';

const STAT_ORDER = ['avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'std'];

/** Writes `<prefix>_timeslices.json` and `.csv` (spec §3.7); returns them labelled for the console footer. */
export async function writeTimeslices(input: RunExportInput, context: MetricContext): Promise<LabeledFile[]> {
  // Absolute epoch slices (the first and last are partial), non-empty ones renumbered 0, 1, 2… in time order.
  const slices = input.store.sliceRows().map(({ sliceKey, rows }) =>
    exportedResults(computeStoreMetrics(input.store, { context, goodput: input.goodput }, { rows, sliceKey })),
  );
  const json = {
    timeslices: slices.map((results, index) => ({
      timeslice_index: index,
      ...Object.fromEntries(results.map((r) => [r.tag, metricBlock(r)])),
    })),
    input_config: toAiperfInputConfig(input.config, input.options.cliCommand),
  };
  const rows = ['Timeslice,Metric,Unit,Stat,Value'];
  slices.forEach((results, index) => {
    for (const result of results) {
      const block = metricBlock(result);
      for (const stat of STAT_ORDER) {
        const value = block[stat];
        if (typeof value === 'number') rows.push(`${index},${result.header},${result.unit},${stat},${value.toFixed(2)}`);
        else if (typeof value === 'bigint') rows.push(`${index},${result.header},${result.unit},${stat},${value}`);
      }
    }
  });
  const jsonPath = join(input.artifactDir, input.files.timeslicesJson);
  const csvPath = join(input.artifactDir, input.files.timeslicesCsv);
  await writeFile(jsonPath, stringifyJson(json, 2, isFloatStat));
  await writeFile(csvPath, `${rows.join('\n')}\n`);
  return [{ label: 'Timeslices JSON Export', path: jsonPath }, { label: 'Timeslices CSV Export', path: csvPath }];
}
