import type { FaultPlan } from '../faults.js';
import { responseId, type ResponseIdentity } from '../openai-shapes.js';
import type { ResolvedOptions } from '../options.js';
import type { ResponsePlan } from '../plan.js';
import type { EndpointKind, ParsedRequest } from '../request.js';
import type { Rng } from '@aiperf/stats';
import { jittered } from '../rng.js';
import { nowMs } from './io.js';
import type { TrackedRequest } from '../vllm/metrics.js';
import type { ServerState } from './state.js';

/** One request's decided behaviour: what to say, when, and which faults to inject. */
export interface Exchange {
  state: ServerState;
  options: ResolvedOptions;
  kind: EndpointKind;
  request: ParsedRequest;
  plan: ResponsePlan;
  faults: FaultPlan;
  rng: Rng;
  serial: number;
  /** When the response starts (arrival + any header delay) and when its first token is due. */
  startMs: number;
  firstTokenMs: number;
  /** When the request arrived (before any header delay): server-side TTFT and e2e count from here. */
  arrivalMs: number;
  /** The request in the vLLM-style metrics served at GET /metrics. */
  tracked: TrackedRequest;
  signal: AbortSignal;
}

/** The gap before the next token: ITL (+ contention from the other active streams) with jitter. */
export function nextGapMs(exchange: Exchange): number {
  const { options, state } = exchange;
  const others = Math.max(0, state.stats.requests.active - 1);
  const gapMs = jittered(exchange.rng, options.itlMs + options.itlPerActiveStreamMs * others, options.itlJitterMs);
  exchange.tracked.tokenGap(gapMs);
  return gapMs;
}

export function identityOf(exchange: Exchange): ResponseIdentity {
  return {
    id: responseId(exchange.kind, exchange.serial, exchange.options.seed),
    created: Math.floor(Date.now() / 1000),
    model: exchange.request.model,
  };
}

/** Counts a finished answer's tokens into the stats and the GPU load meter. */
export function recordCompletionTokens(exchange: Exchange, tokens: number): void {
  const { stats, meter } = exchange.state;
  stats.tokens.completion += tokens;
  meter.record(tokens, nowMs());
  exchange.tracked.tokens(tokens);
}

/** Response headers that tell a client what was planned for this request (tests compare against them). */
export function timingHeaders(exchange: Exchange): Record<string, string> {
  return {
    'x-mock-request-serial': String(exchange.serial),
    'x-mock-ttft-ms': (exchange.firstTokenMs - exchange.startMs).toFixed(3),
  };
}
