import { Kind, type TSchema } from '@sinclair/typebox';
import type { FlagDef } from './flag-types.js';
import { PROFILE_FLAGS } from './flags.js';
import { AiperfConfig } from './schema.js';
import { didYouMean, toCamelCase, toSnakeCase } from './suggest.js';
import { SWEEP_PARAMETER_PATHS } from './yaml-schema-loadshape.js';
import { YamlDocument } from './yaml-schema.js';

/**
 * What a sweep may vary, derived from the schema instead of a list: any one-value setting under `benchmark`, named
 * by its YAML path (`benchmark.load.grace_period_seconds`) or by one of AIPerf's short names (`request_rate`,
 * `isl`, …). A cell of the sweep is the base configuration with that setting replaced, so the setting must have
 * one value as its resolved value too (the resolved config is the schema's camelCase form; the few keys it
 * reshapes, e.g. `artifacts.slice_duration`, are found there under their resolved name or refused).
 */
export interface SweepTarget {
  /** The name in `sweep.parameters`, directory names and aggregates: the short name, else the YAML path. */
  name: string;
  /** Canonical YAML path (snake_case, aliases resolved). */
  yamlPath: string;
  /** The path of the value in the resolved `BenchmarkConfig` (below `benchmark`), e.g. `['load', 'gracePeriodSeconds']`. */
  resolvedPath: readonly string[];
  integer: boolean;
  /** Comma lists on the setting's flag sweep it (numbers only: a comma may belong to a string's value). */
  numeric: boolean;
}

const SHORT_NAMES = Object.keys(SWEEP_PARAMETER_PATHS);
const members = (schema: TSchema): TSchema[] => (schema[Kind] === 'Union' ? (schema.anyOf as TSchema[]) : [schema]);
const SCALAR_KINDS = ['Integer', 'Number', 'String', 'Boolean', 'Literal'] as const;
type ScalarKind = (typeof SCALAR_KINDS)[number];
/** The scalar a setting holds (a number first, where a union also allows a list); null = a mapping or list only. */
const scalarKind = (schema: TSchema): ScalarKind | null => {
  const kinds = members(schema).map((m) => m[Kind] as string);
  return SCALAR_KINDS.find((kind) => kinds.includes(kind)) ?? null;
};

/** Walks the YAML schema along `path`, resolving aliases and camelCase; the canonical path and the leaf's schema. */
function yamlLeaf(path: string): { path: string; schema: TSchema } | string {
  let schema: TSchema = YamlDocument;
  const canonical: string[] = [];
  for (const raw of path.split('.')) {
    const mapping = members(schema).find((m) => m[Kind] === 'Object');
    const properties = mapping?.properties as Record<string, TSchema> | undefined;
    if (!mapping || !properties || mapping === undefined) return `${canonical.join('.')} is not a mapping`;
    const key = toSnakeCase(raw);
    const aliases = (mapping['x-aliases'] ?? {}) as Record<string, string>;
    const name = key in properties ? key : aliases[key];
    if (name === undefined || !(name in properties)) return `no setting ${[...canonical, key].join('.')}`;
    canonical.push(name);
    schema = properties[name]!;
  }
  return { path: canonical.join('.'), schema };
}

function resolvedKind(resolvedPath: readonly string[]): ScalarKind | null {
  let schema: TSchema = AiperfConfig;
  for (const part of ['benchmark', ...resolvedPath]) {
    const mapping = members(schema).find((m) => m[Kind] === 'Object');
    const next = (mapping?.properties as Record<string, TSchema> | undefined)?.[part];
    if (!next) return null;
    schema = next;
  }
  return scalarKind(schema);
}

/** The sweep target named by `key` (a short name or a YAML path), or why it cannot be swept. */
export function sweepTarget(key: string): SweepTarget | string {
  const shortPath = SWEEP_PARAMETER_PATHS[key];
  const allowed = `a benchmark setting of one value by its YAML path (e.g. benchmark.load.request_rate) or one of ${SHORT_NAMES.join(', ')}`;
  if (shortPath === undefined && !key.includes('.')) return `unknown sweep parameter${didYouMean(key, SHORT_NAMES)}; give ${allowed}`;
  const leaf = yamlLeaf(shortPath ?? key);
  if (typeof leaf === 'string') return `cannot be swept: ${leaf}; give ${allowed}`;
  const kind = scalarKind(leaf.schema);
  if (kind === null) return `cannot be swept: ${leaf.path} is a mapping or list, not one value; give ${allowed}`;
  if (PROFILE_FLAGS.some((flag) => flag.secret && flag.path === leaf.path)) return `cannot be swept: ${leaf.path} holds a credential (it would name directories)`;
  const [root, ...rest] = leaf.path.split('.');
  if (root !== 'benchmark' || rest.length === 0) return `cannot be swept: ${leaf.path} is not a benchmark setting (only benchmark.* settings differ between the runs of a sweep)`;
  const resolvedPath = rest.map(toCamelCase);
  if (resolvedKind(resolvedPath) === null) return `cannot be swept: ${leaf.path} is reshaped when resolved (no one value per run); give ${allowed}`;
  const name = SHORT_NAMES.find((short) => SWEEP_PARAMETER_PATHS[short] === leaf.path) ?? leaf.path;
  return { name, yamlPath: leaf.path, resolvedPath, integer: kind === 'Integer', numeric: kind === 'Integer' || kind === 'Number' };
}

/** `sweepTarget` for a name the config already accepted (the planner's side); throws on a name it never accepts. */
export function acceptedSweepTarget(key: string): SweepTarget {
  const target = sweepTarget(key);
  if (typeof target === 'string') throw new Error(`sweep parameter ${key}: ${target}`);
  return target;
}

/**
 * The sweep a comma list on this flag runs, or null: every single-value flag of a numeric benchmark setting sweeps
 * (the schema decides, see `sweepTarget`); flags whose value is itself a list (`commaList`) do not.
 */
export function sweptFlagTarget(flag: FlagDef): SweepTarget | null {
  if (flag.kind !== 'value' || flag.commaList || flag.path === null) return null;
  const target = sweepTarget(flag.path);
  return typeof target === 'string' || !target.numeric ? null : target;
}
