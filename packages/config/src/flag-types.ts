import type { Static } from '@sinclair/typebox';
import { schemaAt } from './doc-path.js';
import { YamlDocument } from './yaml-schema.js';

/** Dotted paths of every key in a document type (`benchmark.load.concurrency`); free-form mappings end the path. */
type PathsOf<T> = T extends readonly unknown[]
  ? never
  : T extends object
    ? { [K in keyof T & string]-?: K | (string extends keyof NonNullable<T[K]> ? never : `${K}.${PathsOf<NonNullable<T[K]>>}`) }[keyof T & string]
    : never;

/** A key of the YAML schema, as a dotted path: what a flag may write. */
export type SettingPath = PathsOf<Static<typeof YamlDocument>>;

/** A key's schema default as help shows it (a list space-separated); undefined when none, empty, or a mapping. */
export function settingDefault(path: SettingPath): string | undefined {
  const value: unknown = schemaAt(YamlDocument, path).default;
  const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (Array.isArray(value)) return value.length > 0 && value.every(isScalar) ? value.join(' ') : undefined;
  return isScalar(value) ? String(value) : undefined;
}

/** How a flag's text becomes a config value. */
export type FlagKind =
  /** One value (`--url x`); `commaList` splits `1,4,8` into a list. */
  | 'value'
  /** A bare switch; clipanion also accepts `--no-<name>` for it. */
  | 'boolean'
  /** Several values: repeated flags, several values after one flag, or a comma list. */
  | 'list'
  /** `key<sep>value` items (also whitespace-separated in one argument, or a JSON object) into a mapping. */
  | 'pairs'
  /** A switch that may be followed by values (`--gpu-telemetry [url …]`). */
  | 'optional-list'
  /** A switch that may be repeated (`-v`, `-vv`); the count picks one of `countValues` (the last for more). */
  | 'count';

export const FLAG_GROUPS = ['General', 'Endpoint', 'Load', 'Input', 'Output', 'Telemetry', 'UI', 'Multi-run & sweeps', 'Distributed', 'Auto-plot'] as const;
export type FlagGroup = (typeof FLAG_GROUPS)[number];

export interface FlagDef {
  /** Property name of the parsed value (the clipanion command's field). */
  key: string;
  /** Names as typed, canonical long name first among the `--` names (`['-m', '--model', '--model-names']`). */
  names: readonly string[];
  /** YAML path the flag writes (`benchmark.load.concurrency`), or null for CLI-only flags. */
  path: SettingPath | null;
  kind: FlagKind;
  group: FlagGroup;
  description: string;
  /** Shown in help as `(default: …)`; without it: the key's schema default, else `false` for switches, `none` for values. */
  defaultText?: string;
  /** Must be given (by the flag or its YAML key); help says `(required)` instead of a default. */
  required?: boolean;
  /** Placeholder shown after the names, e.g. `<n>`. */
  valueName?: string;
  /** `value` flags only: `a,b,c` becomes a list. */
  commaList?: boolean;
  /** `pairs` flags only: the key/value separator (default `:`). */
  separator?: string;
  /** `pairs` flags only: one argument may hold several items separated by whitespace (`"a:1 b:2"`). */
  wordList?: boolean;
  /** `pairs` flags only: parse values as JSON where possible (`true`, `200`, `"x"`). */
  jsonValues?: boolean;
  /** `count` flags only: the value written for 1, 2, … repetitions. */
  countValues?: readonly string[];
  /** Environment variable used when the flag (and YAML key) is not given. */
  env?: string;
  /** Contains a secret: redacted from the recorded command line. */
  secret?: boolean;
}

/** The canonical (first long) name of a flag, e.g. `--model`. */
export function flagName(flag: FlagDef): string {
  return flag.names.find((n) => n.startsWith('--')) ?? (flag.names[0] as string);
}

/** `--no-…` flags that write `false` to their YAML key when given. */
export const NEGATED: ReadonlySet<string> = new Set(['noGpuTelemetry', 'noServerMetrics']);

/** What help shows as the default of a flag. */
export function defaultText(flag: FlagDef): string {
  if (flag.required) return 'required';
  // A count flag (`-v`) or a `--no-…` flag is not its key's value: the key's default is for its value flag to show.
  const schemaDefault = flag.path === null || flag.kind === 'count' || NEGATED.has(flag.key) ? undefined : settingDefault(flag.path);
  return flag.defaultText ?? schemaDefault ?? (flag.kind === 'boolean' ? 'false' : 'none');
}
