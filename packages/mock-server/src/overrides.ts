import type { ResolvedOptions } from './options.js';

// Per-request overrides through `x-mock-*` headers: one typed table, so the README, the parser and
// the error messages agree. A header value replaces the server option for that request only.

export type Kind = 'ms' | 'rate' | 'count' | 'status' | 'nonNegative' | 'positive';

export interface OverrideHeader {
  header: string;
  option: keyof ResolvedOptions;
  kind: Kind;
}

export const OVERRIDE_HEADERS: readonly OverrideHeader[] = [
  { header: 'x-mock-ttft-ms', option: 'ttftMs', kind: 'ms' },
  { header: 'x-mock-itl-ms', option: 'itlMs', kind: 'ms' },
  { header: 'x-mock-reasoning-tokens', option: 'reasoningTokens', kind: 'count' },
  { header: 'x-mock-error-rate', option: 'errorRate', kind: 'rate' },
  { header: 'x-mock-error-status', option: 'errorStatus', kind: 'status' },
  { header: 'x-mock-reset-after-tokens', option: 'resetAfterTokens', kind: 'count' },
  { header: 'x-mock-reset-rate', option: 'resetRate', kind: 'rate' },
  { header: 'x-mock-malformed-sse-after-tokens', option: 'malformedSseAfterTokens', kind: 'count' },
  { header: 'x-mock-malformed-sse-rate', option: 'malformedSseRate', kind: 'rate' },
  { header: 'x-mock-stall-ms', option: 'stallMs', kind: 'ms' },
  { header: 'x-mock-stall-after-tokens', option: 'stallAfterTokens', kind: 'count' },
  { header: 'x-mock-stall-rate', option: 'stallRate', kind: 'rate' },
  { header: 'x-mock-header-delay-ms', option: 'headerDelayMs', kind: 'ms' },
  { header: 'x-mock-header-delay-rate', option: 'headerDelayRate', kind: 'rate' },
];

const ALLOWED: Record<Kind, { test: (value: number) => boolean; text: string }> = {
  ms: { test: (value) => value >= 0, text: 'a number of milliseconds >= 0' },
  rate: { test: (value) => value >= 0 && value <= 1, text: 'a fraction between 0 and 1' },
  count: { test: (value) => Number.isInteger(value) && value >= 0, text: 'an integer >= 0' },
  status: { test: (value) => Number.isInteger(value) && value >= 400 && value <= 599, text: 'an HTTP status 400-599' },
  nonNegative: { test: (value) => value >= 0, text: 'a number >= 0' },
  positive: { test: (value) => value > 0, text: 'a number > 0' },
};

/** Checks one numeric setting; returns the error text or undefined. */
export function checkValue(kind: Kind, name: string, value: unknown): string | undefined {
  const allowed = ALLOWED[kind];
  if (typeof value === 'number' && Number.isFinite(value) && allowed.test(value)) return undefined;
  const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
  return `${name}: got ${shown}, expected ${allowed.text}`;
}

export type HeaderBag = Record<string, string | string[] | undefined>;

/** The options for one request: server options with header overrides applied, or all header errors. */
export function applyOverrides(
  options: ResolvedOptions,
  headers: HeaderBag,
): { options: ResolvedOptions; errors: string[] } {
  const errors: string[] = [];
  let merged = options;
  for (const { header, option, kind } of OVERRIDE_HEADERS) {
    const raw = headers[header];
    if (raw === undefined) continue;
    const text = Array.isArray(raw) ? (raw[0] ?? '') : raw;
    const value = text.trim() === '' ? Number.NaN : Number(text);
    const error = checkValue(kind, `header ${header}`, Number.isNaN(value) ? text : value);
    if (error) errors.push(error);
    else merged = merged === options ? { ...options, [option]: value } : { ...merged, [option]: value };
  }
  return { options: merged, errors };
}
