import type { Dispatcher } from 'undici';
import type { RequestErrorInfo } from '../records.js';
import type { RequestExchange, SendRequestArgs } from './send-request.js';

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

const onTimeout = (h: ExchangeHandler) => h.abort(new RequestTimeoutError(`Request timed out after ${h.args.timeoutMs / 1000} seconds`));
const onCancel = (h: ExchangeHandler) => {
  h.cancellationOffsetNs = h.since();
  h.abort(new RequestCancellationError(`Request was cancelled after ${(h.args.cancelAfterMs! / 1000).toFixed(3)} seconds`));
};

/**
 * One request's undici handler: the state of the exchange as fields and the callbacks as methods, so a request
 * allocates one object instead of a dozen closures, and its timers take it as their argument.
 *
 * It implements undici's original handler interface (onConnect/onHeaders/onData/onComplete/onError), which undici
 * 7 runs natively; a handler of the newer interface (onRequestStart/onResponseStart/…) is wrapped per request in an
 * adapter that also parses every response's raw headers into an object. Measured against the zero-latency mock at
 * 64 connections (bench/profile-rate.mjs's undici client, same pool), the wrapper alone cost ~12–15 µs of client
 * CPU per request (46–48 µs against 60–66), a tenth of the whole per-request budget; the only header read here
 * is the content type, found in the raw list.
 */
export class ExchangeHandler implements Dispatcher.DispatchHandler {
  readonly startPerfNs = process.hrtime.bigint();
  private ackOffsetNs: number | null = null;
  private status = 0;
  private sse = false;
  cancellationOffsetNs: number | null = null;
  private abortRequest: ((error: Error) => void) | null = null;
  private pendingAbort: Error | null = null;
  private done = false;
  private readonly chunks: Uint8Array[] = [];
  private readonly chunkOffsetsNs: number[] = [];
  private bodyBytes = 0;
  private readonly timeoutTimer: NodeJS.Timeout;
  private readonly cancelTimer: NodeJS.Timeout | null;
  private firstResponse: (() => void) | undefined;
  /**
   * The response headers are read only to tell an event stream, so a non-streaming request asks H1Pool not to
   * make them (undici ignores this and passes them anyway); see H1Connection.
   */
  readonly ignoresRawHeaders: boolean;
  /** Its place in the run's InFlightRequests (set there). */
  inFlightAt = -1;

  constructor(
    readonly args: SendRequestArgs,
    private readonly resolve: (exchange: RequestExchange) => void,
  ) {
    this.timeoutTimer = setTimeout(onTimeout, args.timeoutMs, this);
    this.cancelTimer = args.cancelAfterMs === null ? null : setTimeout(onCancel, args.cancelAfterMs, this);
    this.firstResponse = args.onFirstResponse;
    this.ignoresRawHeaders = !args.streaming;
    args.inFlight?.add(this);
  }

  since(): number {
    return Number(process.hrtime.bigint() - this.startPerfNs);
  }

  abort(error: Error): void {
    if (this.done) return;
    if (this.abortRequest) this.abortRequest(error);
    else this.pendingAbort = error;
  }

  /** The run is being torn down: the request is dropped, its result not recorded. */
  abortRun(): void {
    this.abort(new RunAbortedError('the run was aborted'));
  }

  private firstResponseSeen(): void {
    this.firstResponse?.();
    this.firstResponse = undefined;
  }

  onConnect(abort: (error?: Error) => void): void {
    this.abortRequest = abort;
    if (this.pendingAbort) abort(this.pendingAbort);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    this.ackOffsetNs = this.since();
    this.status = statusCode;
    this.sse = this.args.streaming && statusCode < 400 && isEventStream(rawHeaders);
    return true;
  }

  onData(chunk: Buffer): boolean {
    const offsetNs = this.since();
    if (this.firstResponse) this.firstResponseSeen();
    this.bodyBytes += chunk.length;
    if (this.bodyBytes > MAX_BODY_BYTES && this.status < 400) {
      this.abort(new ResponseTooLargeError(`response body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MB`));
      return true;
    }
    if (this.status >= 400 && this.bodyBytes - chunk.length >= MAX_ERROR_BODY_BYTES) return true;
    this.chunkOffsetsNs.push(offsetNs);
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    this.finish(null);
  }

  onError(error: Error): void {
    if (error instanceof RunAbortedError) this.finish(null, true);
    else if (error instanceof RequestCancellationError) this.finish({ code: 499, type: error.name, message: error.message });
    else this.finish({ code: null, type: errorType(error), message: error.message });
  }

  private finish(error: RequestErrorInfo | null, abandoned = false): void {
    if (this.done) return;
    this.done = true;
    this.firstResponseSeen();
    const endOffsetNs = this.since();
    clearTimeout(this.timeoutTimer);
    if (this.cancelTimer) clearTimeout(this.cancelTimer);
    this.args.inFlight?.delete(this);
    const { body, ends } = joinChunks(this.chunks);
    const cancelled = error?.type === 'RequestCancellationError';
    this.resolve({
      startPerfNs: this.startPerfNs, ackOffsetNs: this.ackOffsetNs, status: this.status, sse: this.sse, body, chunkEnds: ends,
      chunkOffsetsNs: this.chunkOffsetsNs, endOffsetNs, error, wasCancelled: cancelled,
      cancellationOffsetNs: cancelled ? this.cancellationOffsetNs : null, abandoned,
    });
  }
}

/** Whether a content-type header (any of them, names case-insensitive) names an SSE stream. */
function isEventStream(rawHeaders: Buffer[]): boolean {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === 12 && name.toString('latin1').toLowerCase() === 'content-type' && rawHeaders[i + 1]!.toString('latin1').includes('text/event-stream')) {
      return true;
    }
  }
  return false;
}

/**
 * The body as one buffer, with each chunk's end. One chunk (most non-streaming answers) is kept as it came: a view
 * of its socket read, which nothing else holds. More are copied into a buffer from Node's pool. No body needs an
 * ArrayBuffer of its own: answers cross to the main thread packed into one buffer per batch (pending-batch.ts), and
 * an ArrayBuffer per request cost ~1.2–1.6 µs of CPU (its zeroed allocation, its free and the GC's tracking of it)
 * against ~0.26 µs from the pool and nothing for the view.
 */
function joinChunks(chunks: readonly Uint8Array[]): { body: Uint8Array; ends: number[] } {
  const only = chunks.length === 1 ? chunks[0] : undefined;
  if (only) return { body: only, ends: [only.byteLength] };
  let length = 0;
  const ends: number[] = [];
  for (const chunk of chunks) ends.push((length += chunk.byteLength));
  const body = Buffer.allocUnsafe(length);
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
