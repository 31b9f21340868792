import { GPU_PRESET_NAMES, isGpuPresetName } from './dcgm/presets.js';
import type { MockServerOptions } from './options.js';
import { PROMPT_TOKENIZER_NAMES } from './tokenizer.js';
import { checkValue, type Kind } from './overrides.js';

const NUMERIC_RULES: ReadonlyArray<[keyof MockServerOptions, Kind]> = [
  ['ttftMs', 'ms'],
  ['itlMs', 'ms'],
  ['ttftJitterMs', 'ms'],
  ['itlJitterMs', 'ms'],
  ['ttftPerPromptTokenMs', 'ms'],
  ['itlPerActiveStreamMs', 'ms'],
  ['seed', 'count'],
  ['defaultOutputTokens', 'count'],
  ['reasoningTokens', 'count'],
  ['embeddingDimensions', 'count'],
  ['embeddingBaseLatencyMs', 'ms'],
  ['embeddingPerInputLatencyMs', 'ms'],
  ['errorRate', 'rate'],
  ['errorStatus', 'status'],
  ['resetAfterTokens', 'count'],
  ['resetRate', 'rate'],
  ['malformedSseAfterTokens', 'count'],
  ['malformedSseRate', 'rate'],
  ['stallMs', 'ms'],
  ['stallAfterTokens', 'count'],
  ['stallRate', 'rate'],
  ['headerDelayMs', 'ms'],
  ['headerDelayRate', 'rate'],
  ['kvCacheTokens', 'positive'],
  ['metricsResetAfterRequests', 'count'],
  ['dcgmSeed', 'count'],
  ['dcgmMinThroughput', 'nonNegative'],
  ['dcgmWindowSec', 'positive'],
  ['maxBodyBytes', 'count'],
];

/** Every problem with the options (empty when they are fine), each naming the option and what is allowed. */
export function validateOptions(options: MockServerOptions): string[] {
  const errors: string[] = [];
  for (const [name, kind] of NUMERIC_RULES) {
    const value = options[name];
    if (value === undefined) continue;
    const error = checkValue(kind, name, value);
    if (error) errors.push(error);
  }
  const { dcgmGpu, dcgmNumGpus, models } = options;
  for (const name of ['port', 'dcgmPort'] as const) {
    const port = options[name];
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
      errors.push(`${name}: got ${JSON.stringify(port)}, expected an integer 0-65535 (0 = any free port)`);
    }
  }
  const { promptTokenizer } = options;
  if (promptTokenizer !== undefined && !PROMPT_TOKENIZER_NAMES.includes(promptTokenizer)) {
    errors.push(`promptTokenizer: got ${JSON.stringify(promptTokenizer)}, expected one of ${PROMPT_TOKENIZER_NAMES.join(', ')}`);
  }
  if (dcgmGpu !== undefined && !isGpuPresetName(dcgmGpu)) {
    errors.push(`dcgmGpu: got ${JSON.stringify(dcgmGpu)}, expected one of ${GPU_PRESET_NAMES.join(', ')}`);
  }
  if (dcgmNumGpus !== undefined && !(Number.isInteger(dcgmNumGpus) && dcgmNumGpus >= 1 && dcgmNumGpus <= 8)) {
    errors.push(`dcgmNumGpus: got ${JSON.stringify(dcgmNumGpus)}, expected an integer 1-8`);
  }
  if (models !== undefined && (models.length === 0 || models.some((model) => typeof model !== 'string' || !model))) {
    errors.push(`models: got ${JSON.stringify(models)}, expected a non-empty list of model names`);
  }
  return errors;
}
