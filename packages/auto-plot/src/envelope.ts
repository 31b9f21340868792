import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import yaml from 'js-yaml';
import type { PlotEnvelope } from '@aiperf/config';

/** File name `aiperf plot <dir>` looks for before the user-level config. */
export const MATERIALIZED_PLOT_CONFIG = '.aiperf-plot-config.yaml';

// Children of these keys are user-chosen names (preset names, group ids), never schema keys: keep them as written.
const NAME_MAPS = new Set(['multi_run_plots', 'single_run_plots', 'group_display_names']);

const toSnake = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Schema keys to snake_case (camelCase would silently match no plot setting); drops nulls. */
export function toPlotConfigShape(value: unknown, keepKeys = false): unknown {
  if (Array.isArray(value)) return value.map((item) => toPlotConfigShape(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue;
    const outKey = keepKeys ? key : toSnake(key);
    out[outKey] = toPlotConfigShape(child, !keepKeys && NAME_MAPS.has(outKey));
  }
  return out;
}

/** Where a path-form envelope points: relative paths resolve against the AIPerf YAML's directory. */
export function resolveEnvelopePath(path: string, yamlDir: string | null): string {
  if (isAbsolute(path)) return path;
  if (yamlDir === null) {
    throw new Error(`plot: relative path '${path}' needs a YAML file to resolve against; give an absolute path`);
  }
  return resolve(yamlDir, path);
}

/** Writes the envelope to `<artifactDir>/.aiperf-plot-config.yaml` (a block-style dump, or a copy of the file). */
export async function materializePlotEnvelope(
  envelope: PlotEnvelope,
  artifactDir: string,
  yamlDir: string | null,
): Promise<string> {
  const target = join(artifactDir, MATERIALIZED_PLOT_CONFIG);
  await mkdir(artifactDir, { recursive: true });
  if (envelope.kind === 'inline') {
    const shaped = toPlotConfigShape(envelope.value);
    // Imported here: loading the plot engine is work only a run that plots should pay.
    const { parsePlotConfig } = await import('@aiperf/plot');
    // Checked before writing, so a bad envelope names `plot` rather than the materialised file.
    const { errors } = parsePlotConfig(shaped, 'plot');
    if (errors.length > 0) throw new Error(`invalid plot: section: ${errors.join('; ')}`);
    const text = yaml.dump(shaped, { noRefs: true, lineWidth: -1, sortKeys: false });
    await writeFile(target, text, 'utf8');
    return target;
  }
  const source = resolveEnvelopePath(envelope.path, yamlDir);
  if (!existsSync(source)) throw new Error(`plot path not found: ${source}`);
  await copyFile(source, target);
  return target;
}
