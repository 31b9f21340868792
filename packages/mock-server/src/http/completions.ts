import type { IncomingMessage, ServerResponse } from 'node:http';
import { planFaults } from '../faults.js';
import { applyOverrides } from '../overrides.js';
import { planResponse } from '../plan.js';
import { REASONING_EFFORT_TOKENS, type EndpointKind } from '../request.js';
import { WIRE_FORMATS } from '../wire/index.js';
import { createRng } from '@aiperf/stats';
import { jittered, mixSeeds } from '../rng.js';
import { nowMs, readBody, sendError } from './io.js';
import { requestSignal, type ServerState } from './state.js';
import type { Exchange } from './exchange.js';
import { streamResponse } from './stream.js';
import { respondWhole } from './whole.js';

async function decide(state: ServerState, kind: EndpointKind, request: IncomingMessage, response: ServerResponse, streamRoute: boolean) {
  const serial = (state.serial += 1);
  const { options, errors } = applyOverrides(state.options, request.headers);
  const text = await readBody(request, state.options.maxBodyBytes);
  if (errors.length > 0) return { error: errors.join('; ') };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: 'the request body is not valid JSON' };
  }
  const parsed = WIRE_FORMATS[kind].parse(body, streamRoute);
  if ('error' in parsed) return parsed;
  const rng = createRng(mixSeeds(options.seed, serial));
  const faults = planFaults(options, rng);
  const effort = parsed.request.reasoningEffort;
  const effortTokens = effort === undefined ? 0 : REASONING_EFFORT_TOKENS[effort];
  // Chat reasons per reasoning_effort (or the server's setting); Anthropic messages only with thinking enabled.
  const reasons = kind === 'chat' || (kind === 'messages' && effort !== undefined);
  const reasoningTokens = !reasons ? 0 : options.reasoningTokens > 0 ? options.reasoningTokens : effortTokens;
  const plan = planResponse(parsed.request, { reasoningTokens, defaultOutputTokens: options.defaultOutputTokens, seed: options.seed, countPromptTokens: state.countPromptTokens }, rng);
  const ttftMs = jittered(rng, options.ttftMs + options.ttftPerPromptTokenMs * plan.promptTokens, options.ttftJitterMs);
  const signal = requestSignal(state, (listener) => response.once('close', listener));
  return { options, request: parsed.request, plan, faults, rng, serial, ttftMs, signal };
}

export async function handleCompletion(
  state: ServerState,
  kind: EndpointKind,
  request: IncomingMessage,
  response: ServerResponse,
  arrivalMs: number,
  streamRoute = false,
): Promise<void> {
  const { stats } = state;
  stats.requests.total += 1;
  stats.requests[kind] += 1;
  const decided = await decide(state, kind, request, response, streamRoute);
  if ('error' in decided) {
    stats.requests.rejected += 1;
    sendError(response, 400, decided.error);
    return;
  }
  const { faults } = decided;
  stats.requests.active += 1;
  stats.requests.maxActive = Math.max(stats.requests.maxActive, stats.requests.active);
  // A header delay is the time the request waits in the simulated engine's queue.
  const tracked = state.vllm.track(decided.request.promptText, decided.plan.promptTokens);
  let completed = false;
  let admitted = false;
  try {
    // A queued request's prefill starts when the engine admits it; the others' at arrival, as without a limit.
    const queued = state.admission.full;
    admitted = await state.admission.admit(decided.signal);
    if (!admitted) return;
    const startMs = (queued ? nowMs() : arrivalMs) + faults.headerDelayMs;
    if (faults.headerDelayMs > 0) {
      stats.faults.headerDelay += 1;
      if (!(await state.wakeups.until(startMs, decided.signal))) return;
    }
    if (faults.errorStatus !== undefined) {
      stats.faults.httpError += 1;
      sendError(response, faults.errorStatus, 'Simulated error', 'server_error');
      return;
    }
    tracked.started(startMs - arrivalMs);
    const exchange: Exchange = { state, kind, startMs, firstTokenMs: startMs + decided.ttftMs, arrivalMs, tracked, ...decided };
    if (exchange.request.stream) {
      stats.requests.streaming += 1;
      completed = await streamResponse(exchange, response);
    } else {
      completed = await respondWhole(exchange, response);
    }
  } finally {
    stats.requests.active -= 1;
    if (admitted) state.admission.release();
    tracked.finished(completed ? decided.plan.finishReason : 'abort', nowMs() - arrivalMs);
    if (completed) countForMetricsReset(state);
  }
}

/** `metricsResetAfterRequests`: the simulated server restarts once, after that many completed requests. */
function countForMetricsReset(state: ServerState): void {
  state.completedForMetrics += 1;
  if (state.completedForMetrics === state.options.metricsResetAfterRequests) state.vllm.reset();
}
