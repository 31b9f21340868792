import { Kind, OptionalKind, type TSchema } from '@sinclair/typebox';
import { describeSchema, enumValues } from './describe.js';
import { showValue } from './issues.js';
import { inRange, isMapping, toNumber, typeMatches } from './coerce.js';
import { didYouMean, toSnakeCase } from './suggest.js';

/** A problem found while checking a document; `path` is dotted (`benchmark.models[1]`). */
export interface PathIssue {
  path: string;
  message: string;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/**
 * Checks `value` against a typebox schema of the YAML shape and returns its canonical form: snake_case keys,
 * aliases resolved, numeric/boolean strings coerced, durations in seconds. Collects every problem instead of
 * stopping at the first. (typebox's own errors cannot say "did you mean" or list an enum's values.)
 */
export function checkDocument(schema: TSchema, value: unknown, path = ''): { value: unknown; issues: PathIssue[] } {
  const issues: PathIssue[] = [];
  const canonical = check(schema, value, path, issues);
  return { value: canonical, issues };
}

const acceptsNull = (schema: TSchema): boolean =>
  schema[Kind] === 'Null' || (schema[Kind] === 'Union' && (schema.anyOf as TSchema[]).some((m) => m[Kind] === 'Null'));

function fail(issues: PathIssue[], path: string, schema: TSchema, value: unknown): undefined {
  issues.push({ path, message: `got ${showValue(value)}, expected ${describeSchema(schema)}` });
  return undefined;
}

function check(schema: TSchema, value: unknown, path: string, issues: PathIssue[]): unknown {
  const values = enumValues(schema);
  if (values !== null) return checkEnum(values, value, path, issues);
  switch (schema[Kind]) {
    case 'Integer':
    case 'Number': {
      const n = toNumber(schema, value);
      const ok = n !== undefined && Number.isFinite(n) && (schema[Kind] === 'Number' || Number.isInteger(n)) && inRange(schema, n);
      return ok ? n : fail(issues, path, schema, value);
    }
    case 'String':
      return typeof value === 'string' && value.length >= (schema.minLength ?? 0) ? value : fail(issues, path, schema, value);
    case 'Boolean':
      return typeMatches(schema, value) ? value === true || value === 'true' : fail(issues, path, schema, value);
    case 'Literal':
      return value === schema.const ? value : fail(issues, path, schema, value);
    case 'Null':
      return value === null ? null : fail(issues, path, schema, value);
    case 'Unknown':
    case 'Any':
      return value;
    case 'Array':
      return checkArray(schema, value, path, issues);
    case 'Record':
      return checkRecord(schema, value, path, issues);
    case 'Object':
      return checkObject(schema, value, path, issues);
    case 'Union':
      return checkUnion(schema, value, path, issues);
    default:
      throw new Error(`checkDocument: schema kind ${String(schema[Kind])} at ${path} is not supported`);
  }
}

function checkEnum(values: unknown[], value: unknown, path: string, issues: PathIssue[]): unknown {
  if (values.includes(value)) return value;
  const hint = typeof value === 'string' ? didYouMean(value, values.map(String)) : '';
  issues.push({ path, message: `got ${showValue(value)}, expected one of: ${values.join(', ')}${hint}` });
  return undefined;
}

function checkArray(schema: TSchema, value: unknown, path: string, issues: PathIssue[]): unknown {
  if (!Array.isArray(value) || value.length < (schema.minItems ?? 0)) return fail(issues, path, schema, value);
  return value.map((item, i) => check(schema.items as TSchema, item, `${path}[${i}]`, issues));
}

function checkRecord(schema: TSchema, value: unknown, path: string, issues: PathIssue[]): unknown {
  if (!isMapping(value) || Object.keys(value).length < (schema.minProperties ?? 0)) return fail(issues, path, schema, value);
  const valueSchema = Object.values(schema.patternProperties as Record<string, TSchema>)[0] as TSchema;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, check(valueSchema, v, join(path, k), issues)]));
}

function checkObject(schema: TSchema, value: unknown, path: string, issues: PathIssue[]): unknown {
  if (!isMapping(value)) return fail(issues, path, schema, value);
  const properties = schema.properties as Record<string, TSchema>;
  const aliases = (schema['x-aliases'] ?? {}) as Record<string, string>;
  const out: Record<string, unknown> = {};
  const givenAs: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    const snake = toSnakeCase(key);
    const canonical = key in properties ? key : snake in properties ? snake : aliases[key] ?? aliases[snake];
    if (canonical === undefined) {
      const known = [...Object.keys(properties), ...Object.keys(aliases)];
      issues.push({ path: join(path, key), message: `unknown key${didYouMean(snake, known)}; allowed keys: ${Object.keys(properties).join(', ')}` });
      continue;
    }
    if (givenAs[canonical] !== undefined) {
      issues.push({ path: join(path, canonical), message: `given twice (as "${givenAs[canonical]}" and "${key}"); keep one` });
      continue;
    }
    givenAs[canonical] = key;
    const propSchema = properties[canonical] as TSchema;
    // An explicit null means "not set" unless the schema gives null a meaning of its own.
    if (raw === null && !acceptsNull(propSchema)) continue;
    const checked = check(propSchema, raw, join(path, canonical), issues);
    if (checked !== undefined) out[canonical] = checked;
  }
  for (const [key, propSchema] of Object.entries(properties)) {
    if (propSchema[OptionalKind] !== 'Optional' && !(key in givenAs)) issues.push({ path: join(path, key), message: 'is required' });
  }
  return out;
}

function checkUnion(schema: TSchema, value: unknown, path: string, issues: PathIssue[]): unknown {
  const members = schema.anyOf as TSchema[];
  const attempts = members.map((member) => checkDocument(member, value, path));
  const success = attempts.find((a) => a.issues.length === 0);
  if (success) return success.value;
  // Report the inner problems of the one member whose type fits (e.g. a number out of range); else list all.
  const fitting = members.map((m, i) => (typeMatches(m, value) ? i : -1)).filter((i) => i >= 0);
  if (fitting.length === 1 && schema['x-expected'] === undefined) {
    issues.push(...(attempts[fitting[0] as number]?.issues ?? []));
    return undefined;
  }
  return fail(issues, path, schema, value);
}
