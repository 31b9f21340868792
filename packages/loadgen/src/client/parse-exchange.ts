import { createParser } from 'eventsource-parser';
import type { EndpointType, ServerUsage } from '../endpoints/types.js';
import type { RequestErrorInfo } from '../records.js';
import { type RawResponse, ResponseCollector } from './response-collector.js';
import type { RequestExchange } from './send-request.js';

/** What a request's response said, with each message stamped by the arrival of the chunk that completed it. */
export interface ParsedExchange {
  contentOffsetsNs: number[];
  firstOutputOffsetNs: number | null;
  lastResponseOffsetNs: number | null;
  outputText: string;
  reasoningText: string;
  usage: ServerUsage | null;
  /** The transport error, else an HTTP error status or a payload that is not JSON; null for a good answer. */
  error: RequestErrorInfo | null;
  /** Every response message, when asked for (`--export-level raw`). */
  rawResponses: RawResponse[] | null;
}

/** A well-formed SSE stream ends with a blank line; anything after the last one is an event cut off mid-way. */
const SSE_STREAM_END = /(\r\n|\n|\r)(\r\n|\n|\r)[ \t]*$/;
const endsMidEvent = (tail: string) => tail.trim() !== '' && !SSE_STREAM_END.test(tail);

/**
 * Reads an exchange's bytes after the fact: SSE events (or the whole body) chunk by chunk in arrival order, so
 * each message gets exactly the timestamp it would have had if parsed in the socket callback.
 */
export function parseExchange(exchange: RequestExchange, endpoint: EndpointType, captureRaw: boolean): ParsedExchange {
  const responses = new ResponseCollector(endpoint, captureRaw);
  const decoder = new TextDecoder();
  const { body, chunkEnds, chunkOffsetsNs } = exchange;
  const lastOffsetNs = chunkOffsetsNs.at(-1) ?? exchange.endOffsetNs;
  let error = exchange.error;
  if (exchange.sse) {
    let chunkOffsetNs = 0;
    const parser = createParser({ onEvent: (event) => responses.add(event.data, chunkOffsetNs) });
    let start = 0;
    for (let i = 0; i < chunkEnds.length; i++) {
      chunkOffsetNs = chunkOffsetsNs[i]!;
      parser.feed(decoder.decode(body.subarray(start, chunkEnds[i]), { stream: true }));
      start = chunkEnds[i]!;
    }
  } else if (error === null && !exchange.abandoned) {
    const text = decoder.decode(body);
    if (exchange.status >= 400) {
      responses.raw?.push({ offsetNs: lastOffsetNs, data: text });
      error = { code: exchange.status, type: 'HTTPError', message: text.slice(0, 500) || `HTTP ${exchange.status}` };
    } else {
      responses.add(text, lastOffsetNs);
    }
  }
  if (error === null && !exchange.abandoned && exchange.sse && endsMidEvent(new TextDecoder().decode(body.subarray(-64)))) {
    error = { code: null, type: 'InvalidResponseError', message: 'the stream ended in the middle of an event (truncated response)' };
  }
  if (error === null && !exchange.abandoned && responses.malformed !== null) {
    error = { code: null, type: 'InvalidResponseError', message: `response data is not JSON: ${responses.malformed}` };
  }
  if (error === null && !exchange.abandoned && responses.serverError !== null) {
    error = { code: null, type: 'ServerError', message: responses.serverError };
  }
  if (error === null && !exchange.abandoned && responses.nothingMatched) {
    error = { code: null, type: 'InvalidResponseError', message: responses.unmatched! };
  }
  if (error === null && !exchange.abandoned && responses.mismatched !== null) {
    const message = `the response does not match endpoint type "${endpoint.name}": ${responses.mismatched}`;
    error = { code: null, type: 'InvalidResponseError', message };
  }
  return {
    contentOffsetsNs: responses.contentOffsetsNs,
    firstOutputOffsetNs: responses.firstOutputOffsetNs,
    lastResponseOffsetNs: responses.lastResponseOffsetNs,
    outputText: responses.outputText,
    reasoningText: responses.reasoningText,
    usage: responses.usage,
    error,
    rawResponses: responses.raw,
  };
}
