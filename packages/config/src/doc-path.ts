import { Kind, type TSchema } from '@sinclair/typebox';

/** Small helpers for dotted paths (`benchmark.load.concurrency`) over plain documents and the YAML schema. */

export type Doc = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(doc: unknown, path: string): unknown {
  let node: unknown = doc;
  for (const part of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[part];
  }
  return node;
}

export function setAt(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(node[part])) node[part] = {};
    node = node[part] as Doc;
  }
  node[parts[parts.length - 1] as string] = value;
}

/** Deep merge where `over` wins; mappings merge key by key, everything else (lists included) is replaced. */
export function mergeDocs(base: Doc, over: Doc): Doc {
  const out: Doc = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeDocs(out[key] as Doc, value) : value;
  }
  return out;
}

/** The schema of the key at `path`, descending through mappings (and the mapping member of a union). */
export function schemaAt(root: TSchema, path: string): TSchema {
  let schema = root;
  for (const part of path.split('.')) {
    if (schema[Kind] === 'Union') schema = (schema.anyOf as TSchema[]).find((m) => m[Kind] === 'Object') ?? schema;
    const next = (schema.properties as Record<string, TSchema> | undefined)?.[part];
    if (!next) throw new Error(`schemaAt: no key ${part} in ${path}`);
    schema = next;
  }
  return schema;
}
