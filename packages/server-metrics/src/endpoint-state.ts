// Per-endpoint bookkeeping: fetch counts and latencies, problems counted by kind and warned about once.
import type { ExpositionIssues } from './exposition.js';

export type ProblemKind = 'unreachable' | 'timeout' | 'too-large' | 'not-prometheus';

export interface EndpointStatus {
  url: string;
  /** Derived from an endpoint URL (not named by the user): dropped silently when its first scrape fails. */
  optional: boolean;
  state: 'pending' | 'active' | 'dropped';
  successfulScrapes: number;
  failedScrapes: number;
  /** Fetches whose body differed from the previous one (AIPerf's `unique_updates`). */
  uniqueUpdates: number;
  fetchLatencyNsTotal: number;
  firstFetchNs: bigint | null;
  lastFetchNs: bigint | null;
  lastBody: string | null;
  lastError: string | null;
  /** Failed scrapes by kind. */
  problems: Partial<Record<ProblemKind, number>>;
  /** Bad input inside bodies that still parsed, summed over scrapes. */
  issues: { malformedLines: number; nonFiniteSamples: number; duplicateSeries: number; unsupportedFamilies: Set<string>; unknownTypeFamilies: Set<string> };
  warned: Set<string>;
}

export function newEndpointStatus(url: string, optional: boolean): EndpointStatus {
  return {
    url, optional, state: 'pending', successfulScrapes: 0, failedScrapes: 0, uniqueUpdates: 0, fetchLatencyNsTotal: 0,
    firstFetchNs: null, lastFetchNs: null, lastBody: null, lastError: null, problems: {},
    issues: { malformedLines: 0, nonFiniteSamples: 0, duplicateSeries: 0, unsupportedFamilies: new Set(), unknownTypeFamilies: new Set() },
    warned: new Set(),
  };
}

/** Counts a failed scrape; returns the warning line to print (once per kind), if any. */
export function recordFailure(status: EndpointStatus, kind: ProblemKind, message: string): string | undefined {
  status.failedScrapes += 1;
  status.problems[kind] = (status.problems[kind] ?? 0) + 1;
  status.lastError = message;
  if (status.state === 'pending' && status.optional) {
    status.state = 'dropped';
    return undefined;
  }
  const what = kind === 'not-prometheus' ? 'did not return Prometheus metrics' : kind === 'too-large' ? 'sent a body over the size limit' : 'could not be scraped';
  return warnOnce(status, kind, `Server metrics: ${status.url} ${what} (${message}); the run goes on and keeps trying it`);
}

/** Counts a successful scrape and the bad lines inside it; returns a warning the first time a body had any. */
export function recordSuccess(status: EndpointStatus, issues: ExpositionIssues): string | undefined {
  status.successfulScrapes += 1;
  status.state = 'active';
  const seen = status.issues;
  seen.malformedLines += issues.malformedLines;
  seen.nonFiniteSamples += issues.nonFiniteSamples;
  seen.duplicateSeries += issues.duplicateSeries;
  for (const name of issues.unsupportedFamilies) seen.unsupportedFamilies.add(name);
  for (const name of issues.unknownTypeFamilies) seen.unknownTypeFamilies.add(name);
  const parts = [
    issues.malformedLines > 0 ? `${issues.malformedLines} malformed line(s)` : '',
    issues.nonFiniteSamples > 0 ? `${issues.nonFiniteSamples} NaN/Inf sample(s)` : '',
    issues.duplicateSeries > 0 ? `${issues.duplicateSeries} duplicate series` : '',
    issues.unknownTypeFamilies.length > 0 ? `families of unknown type (${issues.unknownTypeFamilies.slice(0, 3).join(', ')})` : '',
  ].filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  return warnOnce(status, 'partial', `Server metrics: ${status.url} sent ${parts.join(', ')}; skipped or kept as documented, counted in server_metrics_export.json`);
}

function warnOnce(status: EndpointStatus, key: string, line: string): string | undefined {
  if (status.warned.has(key)) return undefined;
  status.warned.add(key);
  return line;
}

/** The end-of-run line for a URL the user named that never gave data; undefined otherwise. */
export function neverReachedWarning(status: EndpointStatus): string | undefined {
  if (status.optional || status.successfulScrapes > 0) return undefined;
  return `Server metrics: ${status.url} gave no metrics during the run${status.lastError ? ` (${status.lastError})` : ''}`;
}
