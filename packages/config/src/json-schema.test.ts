import { expect, test } from 'vitest';
import { configJsonSchema } from './index.js';

test('the JSON Schema of the YAML file is generated from the typebox schema (snapshot)', async () => {
  const schema = configJsonSchema();
  expect(schema.title).toBe('aiperf configuration file');
  await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../schema/aiperf-config.schema.json');
});
