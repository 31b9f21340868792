import type { SweepValue } from '@aiperf/config';
import { formatParameterValue, getSweepParameter } from './parameters.js';

/** One point of a sweep: parameter name → value, with its label and on-disk directory name. */
export interface SweepVariation {
  index: number;
  /** `path=value, path2=value2` with full dotted paths (or the scenario name). */
  label: string;
  dirName: string;
  values: Record<string, SweepValue>;
  /** A named variant (`--variant`): its name is the label and the directory. */
  variant?: string;
}

const UNSAFE = /[/\\<>:"|?*]|\.\./g;

/** A setting named by its YAML path keeps the path below `benchmark` (`load.warmup_request_count`) in the name. */
const dirPart = (name: string) => name.replace(/^benchmark\./, '');

/** `<name>_<value>` joined by `__` (`concurrency_10__isl_512`), sanitised; falls back to the label, then `variation_<i>`. */
export function variationDirName(values: Record<string, SweepValue>, fallbackLabel: string, index: number): string {
  const entries = Object.entries(values);
  const raw = entries.length > 0
    ? entries.map(([name, value]) => `${dirPart(name)}_${formatParameterValue(name, value)}`).join('__')
    : fallbackLabel;
  const safe = raw.replace(UNSAFE, '');
  return safe.length > 0 && !/^\.+$/.test(safe) ? safe : `variation_${index}`;
}

function labelOf(values: Record<string, SweepValue>): string {
  return Object.entries(values)
    .map(([name, value]) => `${getSweepParameter(name).path}=${formatParameterValue(name, value)}`)
    .join(', ');
}

/** Cartesian product; names sorted alphabetically first so the order is stable (as AIPerf does). */
export function gridVariations(parameters: Record<string, readonly SweepValue[]>): SweepVariation[] {
  const names = Object.keys(parameters).sort();
  let combos: Record<string, SweepValue>[] = [{}];
  for (const name of names) {
    getSweepParameter(name);
    const values = parameters[name] ?? [];
    if (values.length === 0) throw new Error(`sweep parameter '${name}' needs at least one value`);
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  return combos.map((values, index) => ({ index, label: labelOf(values), dirName: variationDirName(values, '', index), values }));
}

/** The i-th value of every list together (lists of one length); names sorted like the grid's. */
export function zipVariations(parameters: Record<string, readonly SweepValue[]>): SweepVariation[] {
  const names = Object.keys(parameters).sort();
  const lengths = new Set(names.map((name) => (parameters[name] ?? []).length));
  if (lengths.size !== 1) throw new Error(`a zip sweep needs lists of one length; got ${names.map((n) => `${n}: ${parameters[n]?.length ?? 0}`).join(', ')}`);
  const count = [...lengths][0]!;
  return Array.from({ length: count }, (_, index) => {
    const values = Object.fromEntries(names.map((name) => (getSweepParameter(name), [name, parameters[name]![index]!])));
    return { index, label: labelOf(values), dirName: variationDirName(values, '', index), values };
  });
}

/** Paired (non-Cartesian) points, in the given order; names label the variation. */
export function scenarioVariations(scenarios: readonly { name: string; values: Record<string, SweepValue> }[]): SweepVariation[] {
  return scenarios.map(({ name, values }, index) => {
    for (const key of Object.keys(values)) getSweepParameter(key);
    return { index, label: name, dirName: variationDirName(values, name, index), values };
  });
}

/** Named variants (`--variant`), in the order chosen: each is labelled and has its directory by its name. */
export function variantVariations(variants: readonly { name: string; values: Record<string, SweepValue> }[]): SweepVariation[] {
  return variants.map(({ name, values }, index) => {
    for (const key of Object.keys(values)) getSweepParameter(key);
    return { index, label: name, dirName: variationDirName({}, name, index), values, variant: name };
  });
}
