// The unit of a metric, inferred from its name's suffix (longest first) as AIPerf does. Pure.

const SUFFIX_UNITS: readonly (readonly [string, string])[] = ([
  ['_seconds_total', 'seconds'], ['_ms_total', 'milliseconds'], ['_ns_total', 'nanoseconds'], ['_bytes_total', 'bytes'],
  ['_tokens_total', 'tokens'], ['_requests_total', 'requests'], ['_error_count_total', 'errors'], ['_errors_total', 'errors'],
  ['_blocks_total', 'blocks'], ['_milliseconds', 'milliseconds'], ['_nanoseconds', 'nanoseconds'], ['_seconds', 'seconds'],
  ['_kilobytes', 'kilobytes'], ['_megabytes', 'megabytes'], ['_gigabytes', 'gigabytes'], ['_bytes', 'bytes'],
  ['_error_count', 'errors'], ['_block_count', 'blocks'], ['_requests', 'requests'], ['_tokens', 'tokens'],
  ['_errors', 'errors'], ['_blocks', 'blocks'], ['_celsius', 'celsius'], ['_joules', 'joule'], ['_watts', 'watt'],
  ['_percent', 'percent'], ['_ratio', 'ratio'], ['_perc', 'percent'], ['_reqs', 'requests'], ['_gb_s', 'gb/s'],
  ['_total', 'count'], ['_count', 'count'], ['_ms', 'milliseconds'], ['_ns', 'nanoseconds'],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);

export function inferUnit(metricName: string): string | null {
  // Counters are exported under their family name (no `_total`); `request_success` is a count of requests.
  if (metricName.endsWith('request_success')) return 'requests';
  for (const [suffix, unit] of SUFFIX_UNITS) if (metricName.endsWith(suffix)) return unit;
  return null;
}
