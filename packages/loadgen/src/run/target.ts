import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';
import { ProfileConfigError } from '../errors.js';

/** Origin and request path: a scheme-less URL gets `http://`; a path in the URL prefixes the endpoint path. */
export function resolveTarget(config: BenchmarkConfig, endpoint: EndpointType): { origin: string; path: string } {
  const raw = config.endpoint.url;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch (cause) {
    throw new ProfileConfigError(`--url: "${raw}" is not a valid URL (expected e.g. http://localhost:8000)`, { cause });
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  const endpointPath = config.endpoint.customPath ?? endpoint.defaultPath;
  return { origin: url.origin, path: `${prefix}${endpointPath.startsWith('/') ? '' : '/'}${endpointPath}` };
}
