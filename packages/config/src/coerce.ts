import { Kind, type TSchema } from '@sinclair/typebox';

/** Scalar coercion for the checker: YAML/flag text → numbers (durations too) and type tests per schema kind. */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DURATION = /^(\d+\.?\d*|\.\d+)\s*(ms|s|m|h)$/;
const SECONDS_PER_UNIT: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

export const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function toNumber(schema: TSchema, value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (NUMBER.test(text)) return Number(text);
  const duration = schema['x-duration'] ? DURATION.exec(text) : null;
  return duration ? Number(duration[1]) * (SECONDS_PER_UNIT[duration[2] ?? 's'] ?? 1) : undefined;
}

export function inRange(schema: TSchema, n: number): boolean {
  return !(
    (schema.minimum !== undefined && n < schema.minimum) ||
    (schema.exclusiveMinimum !== undefined && n <= schema.exclusiveMinimum) ||
    (schema.maximum !== undefined && n > schema.maximum) ||
    (schema.exclusiveMaximum !== undefined && n >= schema.exclusiveMaximum)
  );
}

/** Whether the value has the right JavaScript type for a schema (ignoring ranges and nested content). */
export function typeMatches(schema: TSchema, value: unknown): boolean {
  switch (schema[Kind]) {
    case 'Integer':
    case 'Number':
      return toNumber(schema, value) !== undefined;
    case 'String':
      return typeof value === 'string';
    case 'Boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'Array':
      return Array.isArray(value);
    case 'Object':
    case 'Record':
      return isMapping(value);
    case 'Null':
      return value === null;
    default:
      return true;
  }
}
