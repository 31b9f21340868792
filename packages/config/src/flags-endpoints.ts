import type { FlagDef } from './flag-types.js';

/** Flags of the endpoint types (batching, rankings passages, templates); spread into the Endpoint group. */
export const ENDPOINT_FLAGS: readonly FlagDef[] = [
  { key: 'promptBatchSize', names: ['-b', '--batch-size', '--prompt-batch-size', '--batch-size-text'], path: 'benchmark.input.batch_size', kind: 'value', group: 'Endpoint', valueName: '<n>', description: 'Prompts per request for endpoint types that take a list of inputs (embeddings)' },
  { key: 'rankingsPassagesMean', names: ['--rankings-passages-mean'], path: 'benchmark.input.rankings.passages.mean', kind: 'value', group: 'Endpoint', valueName: '<n>', description: 'Rankings endpoint types: mean number of passages per query' },
  { key: 'rankingsPassagesStddev', names: ['--rankings-passages-stddev'], path: 'benchmark.input.rankings.passages.stddev', kind: 'value', group: 'Endpoint', valueName: '<n>', description: 'Rankings: standard deviation of the passage count' },
  { key: 'rankingsPassagesPromptTokenMean', names: ['--rankings-passages-prompt-token-mean'], path: 'benchmark.input.rankings.passage_tokens.mean', kind: 'value', group: 'Endpoint', valueName: '<tokens>', description: 'Rankings: mean length of each passage' },
  { key: 'rankingsPassagesPromptTokenStddev', names: ['--rankings-passages-prompt-token-stddev'], path: 'benchmark.input.rankings.passage_tokens.stddev', kind: 'value', group: 'Endpoint', valueName: '<tokens>', description: 'Rankings: standard deviation of the passage length' },
  { key: 'rankingsQueryPromptTokenMean', names: ['--rankings-query-prompt-token-mean'], path: 'benchmark.input.rankings.query_tokens.mean', kind: 'value', group: 'Endpoint', valueName: '<tokens>', description: 'Rankings: mean length of the query' },
  { key: 'rankingsQueryPromptTokenStddev', names: ['--rankings-query-prompt-token-stddev'], path: 'benchmark.input.rankings.query_tokens.stddev', kind: 'value', group: 'Endpoint', valueName: '<tokens>', description: 'Rankings: standard deviation of the query length' },
];
