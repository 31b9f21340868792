import { Admission } from './admission.js';
import type { DcgmFaker } from '../dcgm/faker.js';
import type { ResolvedOptions } from '../options.js';
import type { MockServerStats, TokenRateMeter } from '../stats.js';
import type { TokenCounter } from '../tokenizer.js';
import type { VllmMetrics } from '../vllm/metrics.js';
import type { WakeQueue } from './wake-queue.js';

/** Everything one running server shares between its requests. */
export interface ServerState {
  options: ResolvedOptions;
  stats: MockServerStats;
  meter: TokenRateMeter;
  /** Request serial number: seeds each request's random draws, in arrival order. */
  serial: number;
  /** Set by close(): a request that arrives after it is aborted at once. */
  closed: boolean;
  /** The signals of the requests in flight (requestSignal), aborted by close(): pending token timers stop at once. */
  inFlight: Set<AbortController>;
  dcgm: DcgmFaker[];
  /** The vLLM-style metrics served at GET /metrics. */
  vllm: VllmMetrics;
  /** Completed requests, for `metricsResetAfterRequests`. */
  completedForMetrics: number;
  /** Counts usage.prompt_tokens (the promptTokenizer option). */
  countPromptTokens: TokenCounter;
  /** The batch limit (maxNumSeqs). */
  admission: Admission;
  /** Every timed wait of the requests (token times, latencies), on one timer. */
  wakeups: WakeQueue;
}

/**
 * Why a request's signal aborted. One reason for all: `abort()` without one builds a DOMException with its stack for
 * every request that ends, ~17 µs of the server's CPU each.
 */
const REQUEST_ENDED = new Error('the client went away or the server closed');

/**
 * An abort signal that fires when the client goes away or the server closes. The request is kept in a set that
 * close() walks, not as a listener on one server-wide signal: removing one of N listeners scans them all, and N is
 * every request in flight (thousands of streams).
 */
export function requestSignal(state: ServerState, onClose: (listener: () => void) => void): AbortSignal {
  const controller = new AbortController();
  if (state.closed) {
    controller.abort(REQUEST_ENDED);
    return controller.signal;
  }
  state.inFlight.add(controller);
  onClose(() => {
    state.inFlight.delete(controller);
    controller.abort(REQUEST_ENDED);
  });
  return controller.signal;
}

/** close(): stops every pending timer of the requests in flight and refuses to start new ones. */
export function abortAllRequests(state: ServerState): void {
  state.closed = true;
  for (const controller of state.inFlight) controller.abort(REQUEST_ENDED);
  state.inFlight.clear();
}
