import yaml from 'js-yaml';
import type { ConfigIssue } from './issues.js';

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g;

/** `${VAR}` / `${VAR:default}` substitution, before YAML parsing. */
export function substituteEnv(text: string, env: Record<string, string | undefined>, where: string, issues: ConfigIssue[]): string {
  return text.replace(ENV_REFERENCE, (match, name: string, fallback: string | undefined) => {
    const value = env[name] ?? fallback;
    if (value === undefined) issues.push({ where, message: `environment variable ${name} is not set (used as ${match}; write \${${name}:default} for a default)` });
    return value ?? '';
  });
}

/** A configuration is a few hundred values; these limits stop hostile files (alias bombs) before they expand. */
export const YAML_MAX_BYTES = 4 * 1024 * 1024;
export const YAML_MAX_VALUES = 100_000;

/**
 * Counts the values a document holds once aliases are expanded, stopping at `limit`. js-yaml shares one object
 * per anchor, so parsing a "billion laughs" file is cheap; walking, copying or printing it is what explodes.
 */
function expandedSizeExceeds(doc: unknown, limit: number): boolean {
  let count = 0;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return true;
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') stack.push(...Object.values(value));
  }
  return false;
}

/** Parses YAML; a syntax error becomes an issue naming `file:line:column`. */
export function parseYaml(text: string, file: string, issues: ConfigIssue[]): unknown {
  if (text.length > YAML_MAX_BYTES) {
    issues.push({ where: file, message: `is ${text.length} bytes; a configuration file may be at most ${YAML_MAX_BYTES} bytes` });
    return undefined;
  }
  try {
    const doc = yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA });
    if (expandedSizeExceeds(doc, YAML_MAX_VALUES)) {
      issues.push({ where: file, message: `expands to more than ${YAML_MAX_VALUES} values (anchors and aliases repeat content); refusing it` });
      return undefined;
    }
    return doc;
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark as { line: number; column: number } | undefined;
      const position = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
      issues.push({ where: `${file}${position}`, message: `invalid YAML: ${error.reason}` });
      return undefined;
    }
    throw error;
  }
}

/** A document as YAML text: snake_case keys as given, block style, no anchors. */
export function dumpYaml(doc: unknown): string {
  return yaml.dump(doc, { noRefs: true, lineWidth: 120, sortKeys: false });
}
