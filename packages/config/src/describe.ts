import { Kind, type TSchema } from '@sinclair/typebox';

/** Literal values of a union of literals (an enum), or null when the schema is not one. */
export function enumValues(schema: TSchema): unknown[] | null {
  if (schema[Kind] !== 'Union') return null;
  const members = schema.anyOf as TSchema[];
  return members.every((m) => m[Kind] === 'Literal') ? members.map((m) => m.const) : null;
}

function rangeText(schema: TSchema): string {
  const parts: string[] = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`< ${schema.exclusiveMaximum}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

/** What a schema allows, in words, for error messages ("an integer ≥ 1", "one of: chat, completions"). */
export function describeSchema(schema: TSchema): string {
  if (typeof schema['x-expected'] === 'string') return schema['x-expected'];
  const values = enumValues(schema);
  if (values !== null) return `one of: ${values.join(', ')}`;
  switch (schema[Kind]) {
    case 'Integer':
      return `an integer${rangeText(schema)}`;
    case 'Number':
      return `a number${rangeText(schema)}${schema['x-duration'] ? ' (seconds, or a duration like "30s", "5m")' : ''}`;
    case 'String':
      return schema.minLength ? 'a non-empty string' : 'a string';
    case 'Boolean':
      return 'true or false';
    case 'Null':
      return 'null';
    case 'Literal':
      return JSON.stringify(schema.const);
    case 'Array':
      return `a list${schema.minItems > 1 ? ` of at least ${schema.minItems}` : ''} (each ${describeSchema(schema.items as TSchema)})`;
    case 'Record':
      return schema.minProperties ? 'a non-empty mapping' : 'a mapping';
    case 'Object':
      return `a mapping with keys: ${Object.keys(schema.properties as object).join(', ')}`;
    case 'Union':
      return (schema.anyOf as TSchema[]).map(describeSchema).join(', or ');
    default:
      return 'any value';
  }
}
