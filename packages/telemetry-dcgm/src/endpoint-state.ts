// Per-endpoint bookkeeping: scrape counts and the "warn once" rule for failures.
import type { ScrapeOutcome } from './scrape.js';

export interface EndpointStatus {
  url: string;
  /** Optional endpoints (the defaults) are dropped silently when their first scrape fails. */
  optional: boolean;
  state: 'pending' | 'active' | 'dropped';
  successfulScrapes: number;
  failedScrapes: number;
  /** Problem kinds seen so far ('unreachable', 'malformed', 'partial'); each is warned about once. */
  problems: Set<string>;
  lastError: string | null;
}

export function newEndpointStatus(url: string, optional: boolean): EndpointStatus {
  return { url, optional, state: 'pending', successfulScrapes: 0, failedScrapes: 0, problems: new Set(), lastError: null };
}

/** Updates the status with one scrape's outcome and returns the warning to print, if any. */
export function recordOutcome(status: EndpointStatus, outcome: ScrapeOutcome): string | undefined {
  if (outcome.kind === 'ok') {
    status.successfulScrapes += 1;
    status.state = 'active';
    const issue = outcome.issues[0];
    if (!issue) return undefined;
    return warnOnce(status, 'partial', `GPU telemetry: ${status.url} sent ${outcome.issues.length} malformed line(s), skipped them (line ${issue.lineNumber}: ${issue.reason})`);
  }
  status.failedScrapes += 1;
  status.lastError = outcome.message;
  if (status.state === 'pending' && status.optional) {
    status.state = 'dropped';
    return undefined;
  }
  if (outcome.kind === 'unreachable') {
    return warnOnce(status, outcome.kind, `GPU telemetry: cannot reach ${status.url} (${outcome.message}); the run goes on and keeps trying it`);
  }
  return warnOnce(status, outcome.kind, `GPU telemetry: ${status.url} did not return DCGM metrics (${outcome.message}); the run goes on without its data`);
}

function warnOnce(status: EndpointStatus, problem: string, line: string): string | undefined {
  if (status.problems.has(problem)) return undefined;
  status.problems.add(problem);
  return line;
}

/** The end-of-run line for an endpoint the user asked for that never gave data; undefined otherwise. */
export function neverReachableWarning(status: EndpointStatus): string | undefined {
  if (status.optional || status.successfulScrapes > 0) return undefined;
  if (status.failedScrapes === 0) return `GPU telemetry: ${status.url} did not answer before the run ended; no GPU data from it`;
  const what = status.problems.has('malformed') ? 'never returned DCGM metrics' : 'was never reachable';
  return `GPU telemetry: ${status.url} ${what} during the run; no GPU data from it`;
}
