import type { AiperfConfig, BenchmarkConfig } from './schema.js';

export const REDACTED = '***';

/** Header names whose values are credentials. */
const SENSITIVE_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|api[-_]?key|token|secret|auth|password/i;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADER.test(name);
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSensitiveHeader(k) ? REDACTED : v]));
}

/** A copy of one benchmark's settings safe to print or write: API key and credential headers become `***`. */
export function redactBenchmarkConfig(benchmark: BenchmarkConfig): BenchmarkConfig {
  const endpoint = benchmark.endpoint;
  return { ...benchmark, endpoint: { ...endpoint, apiKey: endpoint.apiKey === null ? null : REDACTED, headers: redactHeaders(endpoint.headers) } };
}

/** A copy of the config safe to print or write: the API key and credential headers replaced by `***`. */
export function redactConfig(config: AiperfConfig): AiperfConfig {
  return { ...config, benchmark: redactBenchmarkConfig(config.benchmark) };
}
