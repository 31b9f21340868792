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

/** Descriptions that say the value is a fraction (vLLM: "KV-cache usage. 1 means 100 percent usage."). */
const RATIO_DESCRIPTION = /1 means 100 ?(percent|%)|\bfraction\b|\(0(\.0)?\s*-\s*1(\.0)?\)/i;

export function inferUnit(metricName: string, description = ''): string | null {
  // The description wins where it states the scale (AIPerf does the same): `_perc` gauges are often 0–1.
  if (RATIO_DESCRIPTION.test(description)) return 'ratio';
  // Counters are exported under their family name (no `_total`); `request_success` is a count of requests.
  if (metricName.endsWith('request_success')) return 'requests';
  for (const [suffix, unit] of SUFFIX_UNITS) if (metricName.endsWith(suffix)) return unit;
  return null;
}
