import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';

/** Stand-ins for the two per-request values while the template is built (never sent: replaced or overridden). */
const REQUEST_ID = Symbol('x-request-id');
const CORRELATION_ID = Symbol('correlation id');

/**
 * Every header a run's requests carry, as a flat [name, value, …] list (undici's and H1Pool's array form), built
 * once per run: only the request id and the conversation's correlation id change per request.
 */
export interface RequestHeaderTemplate {
  pairs: readonly string[];
  /** Where the request id and the correlation id go in `pairs`; -1 when a user header replaced that header. */
  requestIdAt: number;
  correlationIdAt: number;
}

/**
 * The headers, in the order they go on the wire: content type, accept, `x-request-id`, the session header
 * (`--session-header`, the conversation's id on every turn, for session affinity), the API's auth headers, then
 * the user's `--header`s, which replace a header of the same (exactly spelled) name in place.
 */
export function requestHeaderTemplate(config: BenchmarkConfig, endpoint: EndpointType): RequestHeaderTemplate {
  const apiKey = config.endpoint.apiKey ?? null;
  // An API with its own key header (Anthropic's x-api-key) gets that instead of a bearer token.
  const auth = endpoint.authHeaders ? endpoint.authHeaders(apiKey) : apiKey ? { authorization: `Bearer ${apiKey}` } : {};
  const merged: Record<string, string | symbol> = {
    'content-type': 'application/json',
    accept: config.endpoint.streaming ? 'text/event-stream' : 'application/json',
    'x-request-id': REQUEST_ID,
    [config.endpoint.sessionHeader.toLowerCase()]: CORRELATION_ID,
  };
  Object.assign(merged, auth, config.endpoint.headers);
  const pairs: string[] = [];
  let requestIdAt = -1;
  let correlationIdAt = -1;
  for (const [name, value] of Object.entries(merged)) {
    if (value === REQUEST_ID) requestIdAt = pairs.length + 1;
    if (value === CORRELATION_ID) correlationIdAt = pairs.length + 1;
    pairs.push(name, typeof value === 'string' ? value : '');
  }
  return { pairs, requestIdAt, correlationIdAt };
}

/**
 * One request's headers from the template: a copy of one flat list with two ids put in. It replaces a header
 * object per request (a computed key, then Object.assign of the auth and user headers: dictionary mode) that the
 * transport then walked name by name, and the per-request merge that built it.
 */
export function requestHeaders(template: RequestHeaderTemplate, requestId: string, correlationId: string): string[] {
  const headers = template.pairs.slice();
  if (template.requestIdAt !== -1) headers[template.requestIdAt] = requestId;
  if (template.correlationIdAt !== -1) headers[template.correlationIdAt] = correlationId;
  return headers;
}
