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

/**
 * Bytes at the end of `body[from, end)` that start a UTF-8 character whose remaining bytes come later: held back
 * for the next chunk, as a streaming TextDecoder does (and never decoded if no chunk completes them).
 */
function incompleteCharBytes(body: Uint8Array, from: number, end: number): number {
  for (let i = end - 1; i >= from && i >= end - 3; i--) {
    const lead = body[i]!;
    if ((lead & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead byte
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 1;
    if (i + length <= end) return 0;
    // Only a valid start of a character is held back (the decoder replaces a broken one with U+FFFD at once):
    // the second byte's range depends on the lead byte (no overlong forms, surrogates or code points > U+10FFFF).
    if (i + 1 < end) {
      const second = body[i + 1]!;
      const [low, high] = lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      if (second < low || second > high) return 0;
    }
    return end - i;
  }
  return 0;
}

/** Where the text starts: after a UTF-8 byte order mark, which a TextDecoder drops too. */
const textStart = (body: Uint8Array) => (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0);

/**
 * Calls `onText` with the text of each chunk that has any (chunk i ends at byte `chunkEnds[i]`): what a streaming
 * TextDecoder would return for it, from Buffer slices.
 */
export function decodeChunks(bytes: Buffer, chunkEnds: readonly number[], onText: (text: string, chunk: number) => void): void {
  let start = textStart(bytes);
  for (let i = 0; i < chunkEnds.length; i++) {
    const end = chunkEnds[i]! - incompleteCharBytes(bytes, start, chunkEnds[i]!);
    if (end > start) onText(bytes.toString('utf8', start, end), i);
    start = Math.max(start, end);
  }
}

/** A well-formed SSE stream ends with a blank line; anything after the last one is an event cut off mid-way. */
const SSE_STREAM_END = /(\r\n|\n|\r)(\r\n|\n|\r)[ \t]*$/;
const endsMidEvent = (tail: string) => tail.trim() !== '' && !SSE_STREAM_END.test(tail);

/**
 * Reads an exchange's bytes after the fact: SSE events (or the whole body) chunk by chunk in arrival order, so
 * each message gets exactly the timestamp it would have had if parsed in the socket callback. Text is decoded
 * with Buffer slices, holding back a character split between chunks exactly as a streaming TextDecoder would: a
 * TextDecoder in stream mode (ICU) cost ~2 µs per chunk plus ~4 µs to create, several times a slice's cost.
 */
export function parseExchange(exchange: RequestExchange, endpoint: EndpointType, captureRaw: boolean): ParsedExchange {
  const responses = new ResponseCollector(endpoint, captureRaw);
  const { body, chunkEnds, chunkOffsetsNs } = exchange;
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const lastOffsetNs = chunkOffsetsNs.at(-1) ?? exchange.endOffsetNs;
  let error = exchange.error;
  if (exchange.sse) {
    let chunkOffsetNs = 0;
    const parser = createParser({ onEvent: (event) => responses.add(event.data, chunkOffsetNs) });
    decodeChunks(bytes, chunkEnds, (text, i) => {
      chunkOffsetNs = chunkOffsetsNs[i]!;
      parser.feed(text);
    });
  } else if (error === null && !exchange.abandoned) {
    const text = bytes.toString('utf8', textStart(body));
    if (exchange.status >= 400) {
      responses.raw?.push({ offsetNs: lastOffsetNs, data: text });
      error = { code: exchange.status, type: 'HTTPError', message: text.slice(0, 500) || `HTTP ${exchange.status}` };
    } else {
      responses.add(text, lastOffsetNs);
    }
  }
  if (error === null && !exchange.abandoned && exchange.sse && endsMidEvent(bytes.toString('utf8', Math.max(0, body.byteLength - 64)))) {
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
