import { createRegistry, type Registry } from '@aiperf/plugin';
import { ProfileConfigError } from '../errors.js';
import { messagesEndpoint } from './anthropic.js';
import { chatEndpoint, completionsEndpoint, embeddingsEndpoint } from './openai.js';
import { chatEmbeddingsEndpoint, cohereRankingsEndpoint, hfTeiRankingsEndpoint, nimRankingsEndpoint } from './rankings.js';
import { responsesEndpoint } from './responses.js';
import { huggingfaceGenerateEndpoint } from './tgi.js';
import type { EndpointType } from './types.js';

export type EndpointTypeRegistry = Registry<EndpointType>;

export const builtinEndpointTypes: readonly EndpointType[] = [
  chatEndpoint, completionsEndpoint, embeddingsEndpoint, messagesEndpoint, responsesEndpoint, huggingfaceGenerateEndpoint,
  chatEmbeddingsEndpoint, nimRankingsEndpoint, hfTeiRankingsEndpoint, cohereRankingsEndpoint,
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
