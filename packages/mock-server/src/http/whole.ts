import type { ServerResponse } from 'node:http';
import { WIRE_FORMATS } from '../wire/index.js';
import { identityOf, nextGapMs, recordCompletionTokens, timingHeaders, type Exchange } from './exchange.js';
import { sendJson } from './io.js';
import { cutConnection } from './sse.js';

/**
 * A non-streaming answer arrives when its last token would have streamed:
 * TTFT + the gaps between its tokens (+ a stall, if one is injected).
 */
export async function respondWhole(exchange: Exchange, response: ServerResponse): Promise<boolean> {
  const { faults, plan, signal, state } = exchange;
  const tokenCount = plan.reasoningCount + plan.contentCount;
  let doneMs = exchange.firstTokenMs;
  for (let index = 1; index < tokenCount; index += 1) doneMs += nextGapMs(exchange);
  if (faults.stall) {
    state.stats.faults.stall += 1;
    doneMs += faults.stall.ms;
  }
  if (!(await state.wakeups.until(doneMs, signal))) return false;
  state.stats.tokens.prompt += plan.promptTokens;
  // The server saw its first token when it would have streamed, whatever the client gets.
  exchange.tracked.firstToken(exchange.firstTokenMs - exchange.arrivalMs);
  if (faults.resetAfterTokens !== undefined) {
    state.stats.faults.reset += 1;
    cutConnection(response);
    return false;
  }
  const body = WIRE_FORMATS[exchange.kind].whole(identityOf(exchange), plan, exchange.request);
  if (faults.malformedSseAfterTokens !== undefined) {
    // No SSE here: the malformed-output fault sends a truncated JSON body instead.
    state.stats.faults.malformedSse += 1;
    const text = JSON.stringify(body);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(text.slice(0, Math.floor(text.length / 2)));
    return false;
  }
  sendJson(response, 200, body, timingHeaders(exchange));
  recordCompletionTokens(exchange, tokenCount);
  state.stats.tokens.reasoning += plan.reasoningCount;
  state.stats.requests.completed += 1;
  return true;
}
