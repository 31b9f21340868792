import { chatEndpoint, completionsEndpoint, embeddingsEndpoint } from './openai.js';
import type { EndpointType } from './types.js';
import { ProfileConfigError } from '../errors.js';

const endpoints = new Map<string, EndpointType>();

/** Adds an endpoint type; the same object twice is harmless, a different one under a taken name is an error. */
export function registerEndpointType(endpoint: EndpointType): void {
  const existing = endpoints.get(endpoint.name);
  if (existing && existing !== endpoint) throw new Error(`endpoint type "${endpoint.name}" is already registered`);
  endpoints.set(endpoint.name, endpoint);
}

export function getEndpointType(name: string): EndpointType {
  const endpoint = endpoints.get(name);
  if (!endpoint) {
    throw new ProfileConfigError(`--endpoint-type: unknown endpoint type "${name}"; allowed: ${[...endpoints.keys()].join(', ')}`);
  }
  return endpoint;
}

for (const endpoint of [chatEndpoint, completionsEndpoint, embeddingsEndpoint]) registerEndpointType(endpoint);
