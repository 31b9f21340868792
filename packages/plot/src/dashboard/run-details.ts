import yaml from 'js-yaml';
import type { PlotConfig } from '../config/types.js';
import { resolveMetricColumn } from '../specs/multi/axes.js';
import type { MultiRunTable } from '../specs/multi/table.js';
import type { RunData } from '../types.js';

// Pure helpers for the "Run Configuration" view: which runs a multi-run point came from, and what
// to show for one run.

export const runLabel = (run: RunData): string =>
  `${run.metadata.model ?? run.runName}${run.metadata.concurrency !== null ? ` - C${run.metadata.concurrency}` : ''}`;

/**
 * For each point of a multi-run dataset, the ids of the runs whose table values are exactly that point (the
 * values come from the same numbers, so equality is exact); `undefined` when no point is one run's (means over
 * repeated runs, frontier-only lines).
 */
export function pointRunIds(
  points: readonly { x: number; y: number | null }[],
  presetName: string,
  config: PlotConfig,
  table: MultiRunTable,
  idByDir: ReadonlyMap<string, string>,
): string[][] | undefined {
  const preset = config.visualization.multi_run_plots[presetName];
  const x = resolveMetricColumn(table, preset?.x, undefined);
  const y = resolveMetricColumn(table, preset?.y, preset?.stat);
  if ('skip' in x || 'skip' in y) return undefined;
  const ids = points.map((point) =>
    table.rows.filter((row) => row[x.column] === point.x && row[y.column] === point.y).map((row) => idByDir.get(String(row.run_dir)) ?? ''),
  );
  return ids.some((list) => list.length > 0) ? ids : undefined;
}

export interface RunDetails {
  id: string;
  runName: string;
  label: string;
  dir: string;
  metadata: RunData['metadata'];
  /** Summary metrics: unit and the usual statistics. */
  metrics: Record<string, Record<string, number | string>>;
  /** The run's `input_config` as YAML. */
  configYaml: string;
}

/** `a.b.c` keys back into nested objects, for a readable YAML view. */
function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    let node = root;
    for (const key of keys.slice(0, -1)) {
      if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[keys.at(-1)!] = value;
  }
  return root;
}

const SHOWN_STATS = ['avg', 'p50', 'p90', 'p99', 'min', 'max'];

export function runDetails(run: RunData, id: string): RunDetails {
  const metrics = Object.fromEntries(
    Object.entries(run.metrics).map(([tag, stats]) => [
      tag,
      Object.fromEntries(Object.entries(stats).filter(([key, value]) => key === 'unit' || (SHOWN_STATS.includes(key) && typeof value === 'number'))) as Record<
        string,
        number | string
      >,
    ]),
  );
  const configYaml = yaml.dump(unflatten(run.inputConfig), { lineWidth: 120, noRefs: true, skipInvalid: true });
  return { id, runName: run.runName, label: runLabel(run), dir: run.dir, metadata: run.metadata, metrics, configYaml };
}
