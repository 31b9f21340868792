import { Kind, OptionalKind, type Static, type TNull, type TObject, type TOptional, type TProperties, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import { toCamelCase } from './suggest.js';

/**
 * The one generic mapping between the YAML schema (snake_case, every key optional, defaults annotated) and the
 * resolved config (camelCase, every key present): a key with a `default` resolves to its value or the default,
 * a nested mapping resolves key by key, any other key to its value or null ("not set").
 */

/** `request_rate` → `requestRate`, at the type level. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** A schema carrying its default (see `withDefault`). */
type Defaulted = { default: unknown };
type Bare<T extends TSchema> = T extends TOptional<infer S> ? S : T;
type ResolvedProperty<T extends TSchema> = Bare<T> extends Defaulted
  ? Bare<T>
  : Bare<T> extends TObject<infer P>
    ? TObject<ResolvedProperties<P>>
    : TUnion<[Bare<T>, TNull]>;

/** The resolved config's properties for a YAML mapping's properties, minus the keys in `Omitted`. */
export type ResolvedProperties<P extends TProperties, Omitted extends keyof P = never> = {
  -readonly [K in Exclude<keyof P, Omitted> as CamelCase<K & string>]: ResolvedProperty<P[K]>;
};

/** Annotates a YAML leaf with its default; the resolved config then always holds a value of its type. */
export function withDefault<T extends TSchema>(schema: T, value: Static<T>): T & { default: Static<T> } {
  return { ...schema, default: value } as T & { default: Static<T> };
}

const isObjectSchema = (schema: TSchema): schema is TObject => schema[Kind] === 'Object';

function resolvedProperty(schema: TSchema): TSchema {
  const { [OptionalKind]: _optional, ...bare } = schema as TSchema & { [OptionalKind]?: string };
  if ('default' in bare) {
    const { default: _default, ...rest } = bare;
    return rest as TSchema;
  }
  if (isObjectSchema(bare as TSchema)) return Type.Object(resolvedProperties(bare as TObject));
  return Type.Union([bare as TSchema, Type.Null()]);
}

/** The typebox properties of the resolved form of a YAML mapping (for the config's own schema and `Value.Check`). */
export function resolvedProperties<P extends TProperties, const Omitted extends keyof P = never>(
  mapping: TObject<P>,
  omit: readonly Omitted[] = [],
): ResolvedProperties<P, Omitted> {
  const out: Record<string, TSchema> = {};
  for (const [key, schema] of Object.entries(mapping.properties)) {
    if (!omit.includes(key as Omitted)) out[toCamelCase(key)] = resolvedProperty(schema);
  }
  return out as ResolvedProperties<P, Omitted>;
}

type Doc = Record<string, unknown>;
const isMapping = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveValue(schema: TSchema, value: unknown): unknown {
  if (value !== undefined && value !== null) return isObjectSchema(schema) && isMapping(value) ? resolveMapping(schema, value) : value;
  if ('default' in schema) return structuredClone(schema.default);
  return isObjectSchema(schema) ? resolveMapping(schema, {}) : null;
}

/** A checked YAML mapping (or nothing) → its resolved, camelCase form with every default filled in. */
export function resolveMapping<P extends TProperties, const Omitted extends keyof P = never>(
  mapping: TObject<P>,
  doc: unknown,
  omit: readonly Omitted[] = [],
): Static<TObject<ResolvedProperties<P, Omitted>>> {
  const source = isMapping(doc) ? doc : {};
  const out: Doc = {};
  for (const [key, schema] of Object.entries(mapping.properties)) {
    if (!omit.includes(key as Omitted)) out[toCamelCase(key)] = resolveValue(schema, source[key]);
  }
  return out as Static<TObject<ResolvedProperties<P, Omitted>>>;
}

/** A YAML mapping without the keys that equal their default; null when nothing is left. */
export function changedFromDefaults<P extends TProperties>(mapping: TObject<P>, doc: Doc): Doc | null {
  const out: Doc = {};
  for (const [key, value] of Object.entries(doc)) {
    const fallback: unknown = mapping.properties[key]?.default;
    if (value !== null && value !== undefined && JSON.stringify(value) !== JSON.stringify(fallback)) out[key] = value;
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** The inverse: a resolved (camelCase) section → the YAML mapping's keys, in the schema's order (nulls dropped later). */
export function mappingDocument<P extends TProperties>(mapping: TObject<P>, resolved: object, omit: readonly (keyof P)[] = []): Doc {
  const out: Doc = {};
  const values = resolved as Doc;
  for (const [key, schema] of Object.entries(mapping.properties)) {
    if (omit.includes(key as keyof P)) continue;
    const value = values[toCamelCase(key)];
    out[key] = isObjectSchema(schema) && isMapping(value) ? mappingDocument(schema, value) : value;
  }
  return out;
}
