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
  { key: 'imageBatchSize', names: ['--image-batch-size', '--batch-size-image'], path: 'benchmark.input.images.batch_size', kind: 'value', group: 'Endpoint', valueName: '<n>', description: 'Images per chat request (image_url data URLs); 0 = none' },
  { key: 'imageWidthMean', names: ['--image-width-mean'], path: 'benchmark.input.images.width.mean', kind: 'value', group: 'Endpoint', valueName: '<px>', description: 'Mean width of synthetic images' },
  { key: 'imageWidthStddev', names: ['--image-width-stddev'], path: 'benchmark.input.images.width.stddev', kind: 'value', group: 'Endpoint', valueName: '<px>', description: 'Standard deviation of the image width' },
  { key: 'imageHeightMean', names: ['--image-height-mean'], path: 'benchmark.input.images.height.mean', kind: 'value', group: 'Endpoint', valueName: '<px>', description: 'Mean height of synthetic images' },
  { key: 'imageHeightStddev', names: ['--image-height-stddev'], path: 'benchmark.input.images.height.stddev', kind: 'value', group: 'Endpoint', valueName: '<px>', description: 'Standard deviation of the image height' },
  { key: 'imageFormat', names: ['--image-format'], path: 'benchmark.input.images.format', kind: 'value', group: 'Endpoint', valueName: '<png | jpeg | random>', description: 'Encoding of synthetic images (random: per image)' },
  { key: 'imageDirectory', names: ['--image-directory'], path: 'benchmark.input.images.directory', kind: 'value', group: 'Endpoint', valueName: '<dir>', defaultText: 'synthetic images', description: 'Send png/jpeg/webp files picked from this directory instead' },
  { key: 'audioBatchSize', names: ['--audio-batch-size', '--batch-size-audio'], path: 'benchmark.input.audio.batch_size', kind: 'value', group: 'Endpoint', valueName: '<n>', description: 'Audio clips per chat request (input_audio, synthetic wav); 0 = none' },
  { key: 'audioLengthMean', names: ['--audio-length-mean'], path: 'benchmark.input.audio.length.mean', kind: 'value', group: 'Endpoint', valueName: '<s>', description: 'Mean length of synthetic audio in seconds' },
  { key: 'audioLengthStddev', names: ['--audio-length-stddev'], path: 'benchmark.input.audio.length.stddev', kind: 'value', group: 'Endpoint', valueName: '<s>', description: 'Standard deviation of the audio length' },
  { key: 'audioFormat', names: ['--audio-format'], path: 'benchmark.input.audio.format', kind: 'value', group: 'Endpoint', valueName: '<wav>', description: 'Audio encoding (wav PCM)' },
  { key: 'audioSampleRates', names: ['--audio-sample-rates'], path: 'benchmark.input.audio.sample_rates', kind: 'list', group: 'Endpoint', valueName: '<kHz,…>', description: 'Sample rates to pick from per clip, in kHz (e.g. 16,44.1)' },
  { key: 'audioDepths', names: ['--audio-depths'], path: 'benchmark.input.audio.depths', kind: 'list', group: 'Endpoint', valueName: '<bits,…>', description: 'Bit depths to pick from per clip (8, 16, 24, 32)' },
  { key: 'audioNumChannels', names: ['--audio-num-channels'], path: 'benchmark.input.audio.num_channels', kind: 'value', group: 'Endpoint', valueName: '<1 | 2>', description: 'Audio channels (1 mono, 2 stereo)' },
];
