import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';

/** One server to send to: the URL as configured, its origin and the request path. */
export interface Target {
  url: string;
  origin: string;
  path: string;
}

/** Every server URL (`--url` repeated) as origin + request path, in the order given. */
export function resolveTargets(config: BenchmarkConfig, endpoint: EndpointType): Target[] {
  return (config.endpoint.urls ?? [config.endpoint.url]).map((raw) => resolveUrl(raw, config, endpoint));
}

/** A scheme-less URL gets `http://`; a path in the URL prefixes the endpoint path. */
function resolveUrl(raw: string, config: BenchmarkConfig, endpoint: EndpointType): Target {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch (cause) {
    throw new ProfileConfigError(`--url: "${raw}" is not a valid URL (expected e.g. http://localhost:8000)`, { cause });
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  const streamingPath = config.endpoint.streaming && endpoint.supportsStreaming ? endpoint.streamingPath : undefined;
  const endpointPath = config.endpoint.customPath ?? streamingPath ?? endpoint.defaultPath;
  // An endpoint type without a path of its own (template) sends to the URL's path as given.
  const path = endpointPath === '' ? prefix || '/' : `${prefix}${endpointPath.startsWith('/') ? '' : '/'}${endpointPath}`;
  return { url: raw, origin: url.origin, path };
}
