import { computeStoreMetrics } from '../metrics/compute.js';
import type { MetricContext } from '../metrics/types.js';
import type { LabeledFile } from '../types.js';
import { toAiperfInputConfig } from './input-config.js';
import { stringifyJson } from './json-text.js';
import { isFloatStat } from './summary-json.js';
import { exportedResults, metricBlock } from './summary-json.js';
import type { ArtifactWriter } from './artifact-writer.js';
import type { RunExportInput } from './write-exports.js';

const STAT_ORDER = ['avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'std'];

/** Writes `<prefix>_timeslices.json` and `.csv`; returns them labelled for the console footer. */
export async function writeTimeslices(input: RunExportInput & { writer: ArtifactWriter }, context: MetricContext): Promise<LabeledFile[]> {
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
  const { writer, files } = input;
  const written: LabeledFile[] = [];
  if (await writer.write(files.timeslicesJson, stringifyJson(json, 2, isFloatStat)))
    written.push({ label: 'Timeslices JSON Export', path: writer.path(files.timeslicesJson) });
  if (await writer.write(files.timeslicesCsv, `${rows.join('\n')}\n`))
    written.push({ label: 'Timeslices CSV Export', path: writer.path(files.timeslicesCsv) });
  return written;
}
