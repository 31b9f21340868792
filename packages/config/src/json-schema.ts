import { YamlDocument } from './yaml-schema.js';

type JsonSchema = Record<string, unknown>;

const DURATION_PATTERN = '^(\\d+\\.?\\d*|\\.\\d+)\\s*(ms|s|m|h)$';

/** Rewrites our schema extensions into plain JSON Schema: aliases become properties, durations accept strings. */
function toPlain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toPlain);
  if (typeof node !== 'object' || node === null) return node;
  // Defaults are the resolver's business; the file lists only what may be written.
  const { 'x-aliases': aliases, 'x-duration': duration, 'x-expected': expected, default: _default, ...rest } = node as JsonSchema;
  const out: JsonSchema = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, toPlain(v)]));
  if (typeof expected === 'string') out.description = `Either ${expected}.`;
  if (aliases && out.properties) {
    const properties = out.properties as JsonSchema;
    for (const [alias, target] of Object.entries(aliases as Record<string, string>)) {
      properties[alias] = { ...(properties[target] as JsonSchema), description: `Alias of ${target}.` };
    }
  }
  if (duration) return { anyOf: [out, { type: 'string', pattern: DURATION_PATTERN }], description: 'Seconds, or a duration such as "30s", "5m", "500ms".' };
  return out;
}

/**
 * JSON Schema of the aiperf YAML file, for editors (e.g. `# yaml-language-server: $schema=…`). Generated from
 * the typebox schema the resolver checks against, so the two cannot drift. (camelCase spellings, also accepted
 * by aiperf, are not listed.)
 */
export function configJsonSchema(): JsonSchema {
  const plain = toPlain(JSON.parse(JSON.stringify(YamlDocument))) as JsonSchema;
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'aiperf configuration file', ...plain };
}
