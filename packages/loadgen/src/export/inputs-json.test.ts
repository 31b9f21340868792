import { describe, expect, it } from 'vitest';
import { buildDataset } from '../dataset/dataset.js';
import { loadTokenizer } from '../dataset/tokenizer.js';
import { getEndpointType } from '../endpoints/registry.js';
import { testConfig } from '../test-config.js';
import { buildInputsJson, inputsJsonChunks } from './inputs-json.js';
import { stringifyJson } from './json-text.js';

describe('inputs.json written in chunks', async () => {
  const tokenizer = await loadTokenizer('builtin');

  it('is the same text as stringifying the whole document', () => {
    const dataset = buildDataset(testConfig({ input: { numDatasetEntries: 5, inputTokens: { mean: 20, stddev: 5 } } }), getEndpointType('chat'), tokenizer);
    expect([...inputsJsonChunks(dataset, null)].join('')).toBe(stringifyJson(buildInputsJson(dataset), 2));
    expect([...inputsJsonChunks([], null)].join('')).toBe(stringifyJson(buildInputsJson([]), 2));
  });
});
