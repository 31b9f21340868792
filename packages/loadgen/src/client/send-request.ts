import { createParser } from 'eventsource-parser';
import type { Dispatcher } from 'undici';
import type { EndpointType, ServerUsage } from '../endpoints/types.js';
import type { RequestErrorInfo } from '../records.js';
import { type RawResponse, ResponseCollector } from './response-collector.js';

export interface SendRequestArgs {
  dispatcher: Dispatcher;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Parse the response as SSE (when the server answers with text/event-stream). */
  streaming: boolean;
  endpoint: EndpointType;
  timeoutMs: number;
  /** Cancel the request this long after it was sent (request cancellation), or null. */
  cancelAfterMs: number | null;
  /** Aborts without recording a result (the run is being torn down). */
  signal?: AbortSignal;
  /** Keep every response message as received (`--export-level raw`). */
  captureRaw?: boolean;
}


/** Raw timings and payload facts of one request; offsets are ns from `startPerfNs`. */
export interface RequestMeasurement {
  startPerfNs: bigint;
  ackOffsetNs: number | null;
  contentOffsetsNs: number[];
  firstOutputOffsetNs: number | null;
  lastResponseOffsetNs: number | null;
  endOffsetNs: number;
  outputText: string;
  reasoningText: string;
  usage: ServerUsage | null;
  error: RequestErrorInfo | null;
  wasCancelled: boolean;
  cancellationOffsetNs: number | null;
  /** The run aborted this request; its result must not be recorded. */
  abandoned: boolean;
  /** Every response message, when `captureRaw` was set. */
  rawResponses: RawResponse[] | null;
}

/** A response body bigger than this is a broken server, not an answer: the request fails instead of eating memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** An error body is only quoted (500 characters): keep a little more than that, drop the rest. */
const MAX_ERROR_BODY_BYTES = 4096;
/** A well-formed SSE stream ends with a blank line; anything after the last one is an event cut off mid-way. */
const SSE_STREAM_END = /(\r\n|\n|\r)(\r\n|\n|\r)[ \t]*$/;

class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
}
class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}
class RequestCancellationError extends Error {
  override name = 'RequestCancellationError';
}
class RunAbortedError extends Error {
  override name = 'RunAbortedError';
}

/**
 * Sends one request through undici's dispatcher with a raw handler, so response bytes are timestamped in the
 * socket's data callback (no stream or promise hop in between). Every SSE message parsed from a chunk gets that
 * chunk's arrival time. Never rejects: failures become `error`.
 */
export function sendRequest(args: SendRequestArgs): Promise<RequestMeasurement> {
  return new Promise((resolve) => {
    const startPerfNs = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - startPerfNs);
    const responses = new ResponseCollector(args.endpoint, args.captureRaw ?? false);
    let ackOffsetNs: number | null = null;
    let statusCode = 0;
    let sse = false;
    let chunkOffsetNs = 0;
    let cancellationOffsetNs: number | null = null;
    let controller: Dispatcher.DispatchController | null = null;
    let pendingAbort: Error | null = null;
    let done = false;
    const bodyChunks: Buffer[] = [];
    let bodyBytes = 0;
    let sseTail = '';
    const decoder = new TextDecoder();
    const parser = createParser({ onEvent: (event) => responses.add(event.data, chunkOffsetNs) });

    const abort = (error: Error) => {
      if (done) return;
      if (controller) controller.abort(error);
      else pendingAbort = error;
    };
    const timeoutTimer = setTimeout(() => abort(new RequestTimeoutError(`Request timed out after ${args.timeoutMs / 1000} seconds`)), args.timeoutMs);
    const cancelTimer =
      args.cancelAfterMs === null
        ? null
        : setTimeout(() => {
            cancellationOffsetNs = since();
            abort(new RequestCancellationError(`Request was cancelled after ${(args.cancelAfterMs! / 1000).toFixed(3)} seconds`));
          }, args.cancelAfterMs);
    const onSignal = () => abort(new RunAbortedError('the run was aborted'));
    args.signal?.addEventListener('abort', onSignal, { once: true });

    const finish = (error: RequestErrorInfo | null, abandoned = false) => {
      if (done) return;
      done = true;
      clearTimeout(timeoutTimer);
      if (cancelTimer) clearTimeout(cancelTimer);
      args.signal?.removeEventListener('abort', onSignal);
      resolve({
        startPerfNs,
        ackOffsetNs,
        // An exact-length copy: a pushed-to array keeps growth slack, and 100k records add up.
        contentOffsetsNs: responses.contentOffsetsNs.slice(),
        firstOutputOffsetNs: responses.firstOutputOffsetNs,
        lastResponseOffsetNs: responses.lastResponseOffsetNs,
        endOffsetNs: since(),
        outputText: responses.outputText,
        reasoningText: responses.reasoningText,
        usage: responses.usage,
        error,
        wasCancelled: error?.type === 'RequestCancellationError',
        cancellationOffsetNs: error?.type === 'RequestCancellationError' ? cancellationOffsetNs : null,
        abandoned,
        rawResponses: responses.raw,
      });
    };

    args.dispatcher.dispatch(
      { path: args.path, method: 'POST', headers: args.headers, body: args.body },
      {
        onRequestStart(c) {
          controller = c;
          if (pendingAbort) c.abort(pendingAbort);
        },
        onResponseStart(_c, status, headers) {
          ackOffsetNs = since();
          statusCode = status;
          const contentType = String(headers['content-type'] ?? '');
          sse = args.streaming && status < 400 && contentType.includes('text/event-stream');
        },
        onResponseData(_c, chunk) {
          chunkOffsetNs = since();
          bodyBytes += chunk.length;
          if (bodyBytes > MAX_BODY_BYTES && statusCode < 400) return abort(new ResponseTooLargeError(`response body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`));
          if (sse) {
            const text = decoder.decode(chunk, { stream: true });
            sseTail = (sseTail + text).slice(-64);
            parser.feed(text);
          } else if (statusCode < 400 || bodyBytes - chunk.length < MAX_ERROR_BODY_BYTES) bodyChunks.push(chunk);
        },
        onResponseEnd() {
          const text = Buffer.concat(bodyChunks).toString('utf8');
          if (statusCode >= 400) {
            responses.raw?.push({ offsetNs: chunkOffsetNs, data: text });
            finish({ code: statusCode, type: 'HTTPError', message: text.slice(0, 500) || `HTTP ${statusCode}` });
            return;
          }
          if (!sse) responses.add(text, chunkOffsetNs);
          if (sse && sseTail.trim() !== '' && !SSE_STREAM_END.test(sseTail)) {
            finish({ code: null, type: 'InvalidResponseError', message: 'the stream ended in the middle of an event (truncated response)' });
            return;
          }
          const { malformed } = responses;
          finish(malformed === null ? null : { code: null, type: 'InvalidResponseError', message: `response data is not JSON: ${malformed}` });
        },
        onResponseError(_c, error) {
          if (error instanceof RunAbortedError) finish(null, true);
          else if (error instanceof RequestCancellationError) finish({ code: 499, type: error.name, message: error.message });
          else finish({ code: null, type: errorType(error), message: error.message });
        },
      },
    );
  });
}

function errorType(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && error.name === 'Error' ? code : error.name;
}
