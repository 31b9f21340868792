import type { BenchmarkConfig } from '@aiperf/config';
import { createRegistry, type Registry } from '@aiperf/plugin';
import { ProfileConfigError } from '../errors.js';
import { messagesEndpoint } from './anthropic.js';
import { chatEndpoint, completionsEndpoint, embeddingsEndpoint } from './openai.js';
import { chatEmbeddingsEndpoint, cohereRankingsEndpoint, hfTeiRankingsEndpoint, nimRankingsEndpoint } from './rankings.js';
import { responsesEndpoint } from './responses.js';
import { templateEndpoint } from './template.js';
import { huggingfaceGenerateEndpoint } from './tgi.js';
import type { EndpointType } from './types.js';

export type EndpointTypeRegistry = Registry<EndpointType>;

export const builtinEndpointTypes: readonly EndpointType[] = [
  chatEndpoint, completionsEndpoint, embeddingsEndpoint, messagesEndpoint, responsesEndpoint, huggingfaceGenerateEndpoint,
  chatEmbeddingsEndpoint, nimRankingsEndpoint, hfTeiRankingsEndpoint, cohereRankingsEndpoint, templateEndpoint,
];

const FUNCTIONS = ['buildBody', 'parseResponse'] as const;

export function createEndpointTypeRegistry(endpoints: readonly EndpointType[] = builtinEndpointTypes): EndpointTypeRegistry {
  return createRegistry<EndpointType>('endpoint type', endpoints, {
    validate: (e) => FUNCTIONS.filter((key) => typeof e[key] !== 'function').map((key) => `needs a ${key}() function`),
  });
}

// Read-only fallback for callers that pass no registry (tests, tools): nothing can register into it.
const builtins = createEndpointTypeRegistry();

export function getEndpointType(name: string, registry: EndpointTypeRegistry = builtins): EndpointType {
  const endpoint = registry.get(name);
  if (!endpoint) {
    throw new ProfileConfigError(`--endpoint-type: unknown endpoint type "${name}"; allowed: ${registry.names().join(', ')}`);
  }
  return endpoint;
}

/** The run's endpoint: the type by name, set up for the run's settings when it needs them (`forRun`). */
export function endpointForRun(config: BenchmarkConfig, registry: EndpointTypeRegistry = builtins): EndpointType {
  const endpoint = getEndpointType(config.endpoint.type, registry);
  return endpoint.forRun ? endpoint.forRun(config) : endpoint;
}
