import type { Dispatcher } from 'undici';
import type { RequestErrorInfo } from '../records.js';
import { ExchangeHandler } from './exchange-handler.js';

export interface SendRequestArgs {
  dispatcher: Dispatcher;
  path: string;
  /** As an object, or undici's flat [name, value, …] list. */
  headers: Record<string, string> | string[];
  body: string;
  /** The response is read as SSE when this is set and the server answers with text/event-stream. */
  streaming: boolean;
  timeoutMs: number;
  /** Cancel the request this long after it was sent (request cancellation), or null. */
  cancelAfterMs: number | null;
  /** Close the connection after this request (`connection: close`) instead of keeping it for the next. */
  reset?: boolean;
  /**
   * Requests in flight: this one registers here while it runs, and the run aborts them all when it is torn down
   * (the result is then not recorded). A plain set, not an AbortSignal listener per request: adding and removing
   * thousands of those costs more than the request's own bookkeeping.
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

/** A request in flight as the run sees it: something to abort when the run is torn down. */
export interface RunAbortable {
  abortRun(): void;
}

/** The requests in flight; `abortAll` also aborts any request that registers afterwards. */
export class InFlightRequests {
  private readonly requests = new Set<RunAbortable>();
  aborted = false;

  add(request: RunAbortable): void {
    if (this.aborted) request.abortRun();
    else this.requests.add(request);
  }

  delete(request: RunAbortable): void {
    this.requests.delete(request);
  }

  abortAll(): void {
    this.aborted = true;
    for (const request of [...this.requests]) request.abortRun();
    this.requests.clear();
  }
}

/**
 * Sends one request through undici's dispatcher with a raw handler (ExchangeHandler), so each response chunk is
 * timestamped in the socket's data callback (no stream or promise hop in between). That callback does nothing
 * else: a timestamp and a reference to the bytes, so a thousand streams delivering at once are all stamped before
 * any parsing starts. Never rejects: failures become `error`.
 */
export function sendRequest(args: SendRequestArgs): Promise<RequestExchange> {
  return new Promise((resolve) => {
    const handler = new ExchangeHandler(args, resolve);
    // `reset` only when asked: an explicit `false` would override undici's own choice for the socket.
    const options: Dispatcher.DispatchOptions = args.reset
      ? { path: args.path, method: 'POST', headers: args.headers, body: args.body, reset: true }
      : { path: args.path, method: 'POST', headers: args.headers, body: args.body };
    args.dispatcher.dispatch(options, handler);
  });
}
