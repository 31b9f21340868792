// Which /metrics URLs a run scrapes. Pure.

/**
 * A `--server-metrics` value: `host:port` gets http://, and `/metrics` is appended unless the path already
 * ends in it. Throws a message naming the flag for text that cannot be a URL.
 */
export function normalizeServerMetricsUrl(text: string): string {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL | undefined;
  try {
    url = new URL(withScheme);
  } catch {
    url = undefined;
  }
  if (!url || trimmed === '' || /\s/.test(trimmed) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`--server-metrics: ${JSON.stringify(text)} is not a metrics URL; expected host:port or http(s)://host:port[/path]`);
  }
  if (!url.pathname.endsWith('/metrics')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics`;
  return url.toString();
}

/** The inference server's own `/metrics`: the endpoint URL's origin + `/metrics` (vLLM, SGLang, Dynamo serve it there). */
export function inferenceMetricsUrl(endpointUrl: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpointUrl) ? endpointUrl : `http://${endpointUrl}`;
  return `${new URL(withScheme).origin}/metrics`;
}
