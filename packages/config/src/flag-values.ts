import { checkDocument } from './check.js';
import { type Doc, getAt, schemaAt, setAt } from './doc-path.js';
import { type FlagDef, NEGATED, flagName } from './flag-types.js';
import { PROFILE_FLAGS } from './flags.js';
import { type SweepTarget, sweptFlagTarget } from './sweep-paths.js';
import { type ConfigIssue, showValue } from './issues.js';
import { YamlDocument } from './yaml-schema.js';

/** Parsed flag values keyed by `FlagDef.key`, as a CLI parser hands them over (strings, booleans, string lists). */
export type FlagValues = Record<string, string | boolean | number | readonly string[] | undefined>;

export interface FlagDocument {
  /** The flags as a YAML-shaped document (canonical keys, coerced values) that overlays the YAML file. */
  doc: Doc;
  /** YAML path → the flag that set it, so later errors name what the user typed. */
  provenance: Map<string, string>;
  issues: ConfigIssue[];
}

function parseJsonish(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parsePairs(flag: FlagDef, items: readonly string[], issues: ConfigIssue[]): Doc {
  const separator = flag.separator ?? ':';
  const out: Doc = {};
  const words = flag.wordList ? items.flatMap((i) => i.split(/\s+/)) : items;
  // A malformed header may still hold a credential: say what is wrong without echoing it.
  const shown = (word: string) => (flag.secret ? 'a value (not shown: it may hold a credential)' : showValue(word));
  const malformed = (word: string) => (flag.secret ? `got a value without "${separator}" (not shown: it may hold a credential)` : `got ${showValue(word)}`);
  for (const word of words.map((w) => w.trim()).filter((w) => w !== '')) {
    if (word.startsWith('{')) {
      const parsed = parseJsonish(word);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(out, parsed);
      else issues.push({ where: flagName(flag), message: `got ${shown(word)}, which is not a valid JSON object` });
      continue;
    }
    const at = word.indexOf(separator);
    if (at <= 0) {
      issues.push({ where: flagName(flag), message: `${malformed(word)}, expected key${separator}value` });
      continue;
    }
    const value = word.slice(at + 1).trim();
    out[word.slice(0, at).trim()] = flag.jsonValues ? parseJsonish(value) : value;
  }
  return out;
}

function splitList(items: readonly string[]): string[] {
  return items.flatMap((i) => i.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}


/** The flag's text in the YAML document's terms, before schema checking. */
function rawValue(flag: FlagDef, value: string | boolean | number | readonly string[], issues: ConfigIssue[]): unknown {
  const items = typeof value === 'boolean' || typeof value === 'number' ? [] : typeof value === 'string' ? [value] : value;
  switch (flag.kind) {
    case 'count': {
      const choices = flag.countValues ?? [];
      return choices[Math.min(Number(value), choices.length) - 1];
    }
    case 'boolean':
      return NEGATED.has(flag.key) ? !value : value;
    case 'value':
      return flag.commaList && typeof value === 'string' && value.includes(',') ? splitList([value]) : value;
    case 'list':
      return splitList(items);
    case 'pairs':
      return parsePairs(flag, items, issues);
    case 'optional-list': {
      const urls = splitList(items);
      return urls.length > 0 ? { enabled: true, urls } : { enabled: true };
    }
  }
}

/** Turns parsed flags into a YAML-shaped overlay, checking each against the YAML schema at its path. */
export function flagsToDocument(values: FlagValues, flags: readonly FlagDef[] = PROFILE_FLAGS): FlagDocument {
  const doc: Doc = {};
  const provenance = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const flag of flags) {
    const value = values[flag.key];
    if (value === undefined || flag.path === null) continue;
    if (NEGATED.has(flag.key) && value === false) continue;
    const previous = provenance.get(flag.path);
    if (previous !== undefined) {
      issues.push({ where: flagName(flag), message: `cannot be combined with ${previous}` });
      continue;
    }
    const swept = typeof value === 'string' && value.includes(',') ? sweptFlagTarget(flag) : null;
    if (swept !== null) {
      sweepList(flag, swept, value as string, doc, provenance, issues);
      continue;
    }
    const raw = rawValue(flag, value, issues);
    const checked = checkDocument(schemaAt(YamlDocument, flag.path), raw, flag.path);
    issues.push(...checked.issues.map((i) => ({ where: flagName(flag), message: i.message })));
    if (checked.issues.length > 0) continue;
    setAt(doc, flag.path, checked.value);
    provenance.set(flag.path, flagName(flag));
  }
  return { doc, provenance, issues };
}

/**
 * `--request-rate 5,10,20`: each value checked against the flag's key, the list written to
 * `sweep.parameters.<name>` and its first value to the key itself (so the base run is the sweep's first cell).
 */
function sweepList(flag: FlagDef, target: SweepTarget, text: string, doc: Doc, provenance: Map<string, string>, issues: ConfigIssue[]): void {
  const path = flag.path!;
  const schema = schemaAt(YamlDocument, path);
  const values: unknown[] = [];
  for (const item of splitList([text])) {
    const checked = checkDocument(schema, item, path);
    issues.push(...checked.issues.map((i) => ({ where: flagName(flag), message: `${i.message} (in the list ${showValue(text)})` })));
    if (checked.issues.length === 0) values.push(checked.value);
  }
  if (values.length === 0 || values.length !== splitList([text]).length) return;
  const distinct = [...new Set(values)];
  setAt(doc, path, distinct[0]);
  provenance.set(path, flagName(flag));
  if (distinct.length < 2) return;
  // The name may be a dotted YAML path: one key of `sweep.parameters`, not nested mappings.
  const parameters = (getAt(doc, 'sweep.parameters') ?? {}) as Doc;
  setAt(doc, 'sweep.parameters', { ...parameters, [target.name]: distinct });
  provenance.set(`sweep.parameters.${target.name}`, flagName(flag));
}
