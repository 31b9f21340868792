import type { ServerResponse } from 'node:http';
import { identityOf, nextGapMs, recordCompletionTokens, timingHeaders, type Exchange } from './exchange.js';
import { nowMs, waitForDrain } from './io.js';
import { cutConnection, MALFORMED_SSE_EVENT, SSE_HEADERS } from './sse.js';
import { WIRE_FORMATS } from '../wire/index.js';

/** Tokens written back to back before the stream yields to the others. */
const BATCH_TOKENS = 256;

/**
 * Streams one response: token k is written at firstTokenMs + the sum of k gaps, all absolute times
 * on the monotonic clock. Tokens that are already due are written back to back inside one cork
 * (each still its own `data:` event), so a late timer costs one syscall, not one per token.
 * Faults happen "in place of token k": before token k is written, at the time it is due.
 */
export async function streamResponse(exchange: Exchange, response: ServerResponse): Promise<boolean> {
  const { faults, plan, signal, state } = exchange;
  const encoder = WIRE_FORMATS[exchange.kind].encoder(identityOf(exchange), plan, exchange.request);
  const tokenCount = encoder.tokenCount;
  response.writeHead(200, { ...SSE_HEADERS, ...timingHeaders(exchange) });
  const opening = encoder.start();
  if (opening) response.write(opening);
  response.flushHeaders();
  state.stats.tokens.prompt += plan.promptTokens;

  let dueMs = exchange.firstTokenMs;
  let corked = false;
  let pendingTokens = 0;
  const recordPending = () => {
    if (pendingTokens > 0) recordCompletionTokens(exchange, pendingTokens);
    pendingTokens = 0;
  };
  const flush = () => {
    if (corked) response.uncork();
    corked = false;
    recordPending();
  };

  for (let index = 0; index <= tokenCount; index += 1) {
    if (index > 0 && index < tokenCount) dueMs += nextGapMs(exchange);
    if (faults.stall && index === faults.stall.afterTokens) {
      state.stats.faults.stall += 1;
      dueMs += faults.stall.ms;
    }
    if (dueMs > nowMs()) {
      flush();
      if (response.writableNeedDrain) await waitForDrain(response, signal);
      if (!(await state.wakeups.until(dueMs, signal))) return false;
    } else if (pendingTokens >= BATCH_TOKENS) {
      // A long zero-latency answer must not hold the event loop (and every other stream) hostage.
      flush();
      if (response.writableNeedDrain) await waitForDrain(response, signal);
      else await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) return false;
    }
    if (!corked) response.cork();
    corked = true;
    if (index === faults.malformedSseAfterTokens) {
      state.stats.faults.malformedSse += 1;
      response.write(MALFORMED_SSE_EVENT);
    }
    if (index === faults.resetAfterTokens) {
      state.stats.faults.reset += 1;
      flush();
      cutConnection(response);
      return false;
    }
    if (index === tokenCount) break;
    if (index === 0) exchange.tracked.firstToken(exchange.firstTokenMs - exchange.arrivalMs);
    response.write(encoder.token(index));
    pendingTokens += 1;
  }
  // The last token, the closing events and HTTP's final chunk go out in one write: end() uncorks fully. (A write,
  // an uncork and then end() were two syscalls, one of the ~6 per streamed request that cost most of its CPU.)
  recordPending();
  response.end(encoder.end());
  state.stats.tokens.reasoning += plan.reasoningCount;
  state.stats.requests.completed += 1;
  return true;
}
