import type { AiperfConfig, BenchmarkConfig } from './schema.js';

export const REDACTED = '***';

/**
 * Header names whose values are credentials, by rule rather than by list: anything naming a key, token, secret,
 * password, credential, signature, session or auth (Authorization, X-Api-Key, Ocp-Apim-Subscription-Key,
 * X-Amz-Security-Token, Cookie…). Over-redacting a harmless header costs nothing; leaking one costs a key.
 */
const SENSITIVE_NAME = /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|key$|token|secret|auth|passw|credential|signature|session|subscription/i;

/** Query parameter names whose values are credentials (`?key=`, `?api_key=`, `?sig=`, SAS `?sv=…&sig=`). */
const SENSITIVE_QUERY = /^(key|sig|code|pass|pwd|sas|auth)$|key|token|secret|signature|passw|credential|session|auth/i;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSensitiveHeader(k) ? REDACTED : v]));
}

/**
 * A URL (with or without a scheme) safe to show: userinfo becomes `***@`, credential-like query values `***`.
 * Plain string surgery, not `new URL`, so a malformed or scheme-less URL is redacted just the same.
 */
export function redactUrl(url: string): string {
  const userinfo = /^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@\s]*@/i;
  let out = url.replace(userinfo, (_all, scheme: string | undefined) => `${scheme ?? ''}${REDACTED}@`);
  const q = out.indexOf('?');
  if (q < 0) return out;
  const hash = out.indexOf('#', q);
  const end = hash < 0 ? out.length : hash;
  const params = out
    .slice(q + 1, end)
    .split('&')
    .map((param) => {
      const eq = param.indexOf('=');
      const name = eq < 0 ? param : param.slice(0, eq);
      return eq >= 0 && SENSITIVE_QUERY.test(decodeURIComponentSafe(name)) ? `${name}=${REDACTED}` : param;
    });
  out = `${out.slice(0, q + 1)}${params.join('&')}${out.slice(end)}`;
  return out;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True for text that may be a URL carrying credentials (userinfo or a query), so it is shown redacted. */
export function mayBeUrl(text: string): boolean {
  return /^([a-z][a-z0-9+.-]*:\/\/)?[^/?#@\s]*@|\?/i.test(text);
}

/** A copy of one benchmark's settings safe to print or write: API key, credential headers and URL secrets redacted. */
export function redactBenchmarkConfig(benchmark: BenchmarkConfig): BenchmarkConfig {
  const { endpoint, telemetry, serverMetrics } = benchmark;
  return {
    ...benchmark,
    serverMetrics: { ...serverMetrics, urls: serverMetrics.urls.map(redactUrl) },
    endpoint: { ...endpoint, url: redactUrl(endpoint.url), urls: endpoint.urls?.map(redactUrl) ?? null, apiKey: endpoint.apiKey === null ? null : REDACTED, headers: redactHeaders(endpoint.headers) },
    telemetry: { ...telemetry, gpuTelemetryUrls: telemetry.gpuTelemetryUrls.map(redactUrl) },
  };
}

/** A copy of the config safe to print or write: the API key and credential headers replaced by `***`. */
export function redactConfig(config: AiperfConfig): AiperfConfig {
  return { ...config, benchmark: redactBenchmarkConfig(config.benchmark) };
}
