import { Value } from '@sinclair/typebox/value';
import yaml from 'js-yaml';
import { expect, test } from 'vitest';
import { DEFAULT_PLOT_CONFIG_YAML } from './default-config.js';
import { PlotConfigSchema, plotConfigJsonSchema } from './schema.js';

test('the plot config JSON Schema is generated from the typebox schema (snapshot)', async () => {
  const schema = plotConfigJsonSchema();
  expect(schema.title).toBe('aiperf plot configuration');
  await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../schema/plot-config.schema.json');
});

test('the shipped default satisfies the schema; a typo does not', () => {
  const config = yaml.load(DEFAULT_PLOT_CONFIG_YAML) as Record<string, unknown>;
  expect(Value.Check(PlotConfigSchema, config)).toBe(true);
  expect(Value.Check(PlotConfigSchema, { ...config, visualisation: {} })).toBe(false);
});
