import yaml from 'js-yaml';
import type { ConfigIssue } from './issues.js';

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g;

/** `${VAR}` / `${VAR:default}` substitution (recipes.md §11), before YAML parsing. */
export function substituteEnv(text: string, env: Record<string, string | undefined>, where: string, issues: ConfigIssue[]): string {
  return text.replace(ENV_REFERENCE, (match, name: string, fallback: string | undefined) => {
    const value = env[name] ?? fallback;
    if (value === undefined) issues.push({ where, message: `environment variable ${name} is not set (used as ${match}; write \${${name}:default} for a default)` });
    return value ?? '';
  });
}

/** Parses YAML; a syntax error becomes an issue naming `file:line:column`. */
export function parseYaml(text: string, file: string, issues: ConfigIssue[]): unknown {
  try {
    return yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA });
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
