import { describe, expect, test } from 'vitest';
import { Kind, type TSchema } from '@sinclair/typebox';
import { schemaAt } from './doc-path.js';
import { FLAG_GROUPS, PROFILE_FLAGS, YAML_ONLY_KEYS, YamlDocument, renderFlagHelp } from './index.js';

/** The spec's core flag set that `aiperf profile --help` must document. */
const CORE_FLAGS = [
  '--model', '--model-selection-strategy', '--url', '--endpoint-type', '--custom-endpoint', '--streaming', '--request-timeout-seconds', '--api-key',
  '--header', '--extra-inputs', '--use-legacy-max-tokens', '--use-server-token-count', '--concurrency', '--request-rate', '--arrival-pattern',
  '--request-count', '--benchmark-duration', '--benchmark-grace-period', '--warmup-request-count', '--request-cancellation-rate',
  '--request-cancellation-delay', '--isl', '--isl-stddev', '--osl', '--osl-stddev', '--num-dataset-entries', '--input-file', '--custom-dataset-type',
  '--tokenizer', '--random-seed', '--goodput', '--artifact-dir', '--output-artifact-dir', '--profile-export-prefix', '--export-level', '--slice-duration',
  '--gpu-telemetry', '--no-gpu-telemetry', '--ui', '--num-profile-runs', '--profile-run-cooldown-seconds', '--confidence-level',
  '--parameter-sweep-mode', '--parameter-sweep-cooldown-seconds', '--recipe', '--auto-plot', '--plot-required', '--config', '--workers',
];

describe('flag table', () => {
  test('every core flag is in the help, grouped, and the groups appear in order', () => {
    const help = renderFlagHelp();
    for (const flag of CORE_FLAGS) expect(help).toMatch(new RegExp(`(^|[ ,])${flag}([ ,]|$)`, 'm'));
    const positions = FLAG_GROUPS.map((g) => help.indexOf(`\n${g}:`) >= 0 ? help.indexOf(`\n${g}:`) : help.indexOf(`${g}:`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test('defaults are shown', () => {
    const help = renderFlagHelp();
    expect(help).toContain('(default: http://localhost:8000)');
    expect(help).toContain('(default: 550)');
    expect(help).toContain('(default: the model name)');
    expect(help).toContain('[env: AIPERF_API_KEY]');
    for (const flag of PROFILE_FLAGS) {
      // `\n  --x` is the flag's own line: wrapped description lines are indented further.
      const entry = help.slice(help.indexOf(`\n  ${flag.names.join(', ')}`) + 1).split(/\n {2}(?=-)/)[0] as string;
      expect(entry.replace(/\s+/g, " "), flag.key).toMatch(/\((default: [^)]+|required)\)/);
    }
  });

  test('names are unique across the table', () => {
    const names = PROFILE_FLAGS.flatMap((f) => f.names);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(PROFILE_FLAGS.map((f) => f.key)).size).toBe(PROFILE_FLAGS.length);
  });
});

describe('every YAML key has a flag or says why not', () => {
  /** Paths of the YAML schema down to the first key that has a flag (or a leaf). */
  function uncoveredPaths(schema: TSchema, path: string, flagPaths: Set<string>): string[] {
    if (path !== '' && (flagPaths.has(path) || path in YAML_ONLY_KEYS)) return [];
    const objectSchema = schema[Kind] === 'Union' ? (schema.anyOf as TSchema[]).find((m) => m[Kind] === 'Object') : schema;
    if (objectSchema?.[Kind] !== 'Object') return [path];
    return Object.entries(objectSchema.properties as Record<string, TSchema>).flatMap(([key, child]) =>
      uncoveredPaths(child, path === '' ? key : `${path}.${key}`, flagPaths),
    );
  }

  test('no YAML key is left without a flag or a reason', () => {
    const flagPaths = new Set(PROFILE_FLAGS.flatMap((f) => (f.path ? [f.path] : [])));
    expect(uncoveredPaths(YamlDocument, '', flagPaths)).toEqual([]);
  });

  test('every flag writes a key that exists in the YAML schema', () => {
    for (const flag of PROFILE_FLAGS) if (flag.path) expect(() => schemaAt(YamlDocument, flag.path as string), flag.key).not.toThrow();
  });
});
