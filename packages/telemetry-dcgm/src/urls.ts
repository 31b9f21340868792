// DCGM exporter URL helpers.

/** Scraped even without `--gpu-telemetry`; dropped silently when unreachable. */
export const DEFAULT_DCGM_URLS: readonly string[] = ['http://localhost:9400/metrics', 'http://localhost:9401/metrics'];

/**
 * `host:port` → `http://host:port/metrics`; a URL without a `/metrics` path gets it appended.
 * Throws a message naming `--gpu-telemetry` for text that cannot be a URL.
 */
export function normalizeDcgmUrl(text: string): string {
  const trimmed = text.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`--gpu-telemetry: ${JSON.stringify(text)} is not a DCGM exporter URL; expected host:port or http(s)://host:port[/path]`);
  }
  if (trimmed === '' || /\s/.test(trimmed) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`--gpu-telemetry: ${JSON.stringify(text)} is not a DCGM exporter URL; expected host:port or http(s)://host:port[/path]`);
  }
  if (!url.pathname.endsWith('/metrics')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/metrics`;
  return url.toString();
}

/** Summary key of an endpoint: `host:port` of the scrape URL (scheme and path dropped). */
export function endpointKey(scrapeUrl: string): string {
  const url = new URL(scrapeUrl);
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** Dedupes while keeping first-seen order. */
export function uniqueUrls(urls: Iterable<string>): string[] {
  return [...new Set(urls)];
}

/** `host:port` per URL; URLs sharing a host:port (one server, two exporter paths) keep their path too. */
export function endpointKeys(urls: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const url of urls) counts.set(endpointKey(url), (counts.get(endpointKey(url)) ?? 0) + 1);
  return new Map(urls.map((url) => [url, (counts.get(endpointKey(url)) ?? 0) > 1 ? `${endpointKey(url)}${new URL(url).pathname}` : endpointKey(url)]));
}
