import type { Dispatcher } from 'undici';
import type { RequestErrorInfo } from '../records.js';

export interface SendRequestArgs {
  dispatcher: Dispatcher;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The response is read as SSE when this is set and the server answers with text/event-stream. */
  streaming: boolean;
  timeoutMs: number;
  /** Cancel the request this long after it was sent (request cancellation), or null. */
  cancelAfterMs: number | null;
  /** Close the connection after this request (`connection: close`) instead of keeping it for the next. */
  reset?: boolean;
  /**
   * Requests in flight: this one registers its abort here while it runs, and the run calls them all when it is
   * torn down (the result is then not recorded). A plain set, not an AbortSignal listener per request: adding
   * and removing thousands of those costs more than the request's own bookkeeping.
   */
  inFlight?: InFlightRequests;
  /** Called once, when the first response bytes arrive (or the request ends without any): its prefill is over. */
  onFirstResponse?: () => void;
}

/**
 * One request as it happened on the wire: the response bytes and when each network chunk of them arrived,
 * unparsed (parseExchange reads them later, off the I/O path). Offsets are ns from `startPerfNs`.
 */
export interface RequestExchange {
  startPerfNs: bigint;
  ackOffsetNs: number | null;
  /** HTTP status (0 when no response came). */
  status: number;
  /** The response is an SSE stream (streaming asked, success status, text/event-stream). */
  sse: boolean;
  /** The response body in its own buffer (transferable to another thread without a copy). */
  body: Uint8Array;
  /** Per network chunk, in order: where it ends in `body`, and its arrival offset. */
  chunkEnds: number[];
  chunkOffsetsNs: number[];
  endOffsetNs: number;
  /** A transport failure (timeout, cancellation, socket error); HTTP and payload errors come from the parse. */
  error: RequestErrorInfo | null;
  wasCancelled: boolean;
  cancellationOffsetNs: number | null;
  /** The run aborted this request; its result must not be recorded. */
  abandoned: boolean;
}

/** The aborts of the requests in flight; `abortAll` also aborts any request that registers afterwards. */
export class InFlightRequests {
  private readonly aborts = new Set<() => void>();
  aborted = false;

  add(abort: () => void): void {
    if (this.aborted) abort();
    else this.aborts.add(abort);
  }

  delete(abort: () => void): void {
    this.aborts.delete(abort);
  }

  abortAll(): void {
    this.aborted = true;
    for (const abort of [...this.aborts]) abort();
    this.aborts.clear();
  }
}

/** A response body bigger than this is a broken server, not an answer: the request fails instead of eating memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** An error body is only quoted (500 characters): keep a little more than that, drop the rest. */
const MAX_ERROR_BODY_BYTES = 4096;

class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}
class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
}
class RequestCancellationError extends Error {
  override name = 'RequestCancellationError';
}
class RunAbortedError extends Error {
  override name = 'RunAbortedError';
}

/**
 * Sends one request through undici's dispatcher with a raw handler, so each response chunk is timestamped in the
 * socket's data callback (no stream or promise hop in between). That callback does nothing else: a timestamp and
 * a reference to the bytes, so a thousand streams delivering at once are all stamped before any parsing starts.
 * Never rejects: failures become `error`.
 */
export function sendRequest(args: SendRequestArgs): Promise<RequestExchange> {
  return new Promise((resolve) => {
    const startPerfNs = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - startPerfNs);
    let ackOffsetNs: number | null = null;
    let status = 0;
    let sse = false;
    let cancellationOffsetNs: number | null = null;
    let controller: Dispatcher.DispatchController | null = null;
    let pendingAbort: Error | null = null;
    let done = false;
    const chunks: Uint8Array[] = [];
    const chunkOffsetsNs: number[] = [];
    let bodyBytes = 0;

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
    args.inFlight?.add(onSignal);

    let firstResponse = args.onFirstResponse;
    const firstResponseSeen = () => {
      firstResponse?.();
      firstResponse = undefined;
    };
    const finish = (error: RequestErrorInfo | null, abandoned = false) => {
      if (done) return;
      done = true;
      firstResponseSeen();
      const endOffsetNs = since();
      clearTimeout(timeoutTimer);
      if (cancelTimer) clearTimeout(cancelTimer);
      args.inFlight?.delete(onSignal);
      const { body, ends } = joinChunks(chunks);
      resolve({
        startPerfNs, ackOffsetNs, status, sse, body, chunkEnds: ends, chunkOffsetsNs, endOffsetNs, error,
        wasCancelled: error?.type === 'RequestCancellationError',
        cancellationOffsetNs: error?.type === 'RequestCancellationError' ? cancellationOffsetNs : null,
        abandoned,
      });
    };

    args.dispatcher.dispatch(
      { path: args.path, method: 'POST', headers: args.headers, body: args.body, ...(args.reset ? { reset: true } : {}) },
      {
        onRequestStart(c) {
          controller = c;
          if (pendingAbort) c.abort(pendingAbort);
        },
        onResponseStart(_c, statusCode, headers) {
          ackOffsetNs = since();
          status = statusCode;
          sse = args.streaming && statusCode < 400 && String(headers['content-type'] ?? '').includes('text/event-stream');
        },
        onResponseData(_c, chunk) {
          const offsetNs = since();
          if (firstResponse) firstResponseSeen();
          bodyBytes += chunk.length;
          if (bodyBytes > MAX_BODY_BYTES && status < 400) return abort(new ResponseTooLargeError(`response body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`));
          if (status >= 400 && bodyBytes - chunk.length >= MAX_ERROR_BODY_BYTES) return;
          chunkOffsetsNs.push(offsetNs);
          chunks.push(chunk);
        },
        onResponseEnd() {
          finish(null);
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

/** The chunks copied into one buffer of its own (never Node's shared pool, so it can be transferred), with ends. */
function joinChunks(chunks: readonly Uint8Array[]): { body: Uint8Array; ends: number[] } {
  let length = 0;
  const ends: number[] = [];
  for (const chunk of chunks) ends.push((length += chunk.byteLength));
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return { body, ends };
}

function errorType(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && error.name === 'Error' ? code : error.name;
}
