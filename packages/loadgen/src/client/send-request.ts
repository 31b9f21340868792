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
  /** The response body (a view of its socket read, or a copy from Node's pool when it came in several chunks). */
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
  /** Its place in InFlightRequests while registered there (-1 or unset otherwise); only InFlightRequests sets it. */
  inFlightAt?: number;
}

/**
 * The requests in flight; `abortAll` also aborts any request that registers afterwards. An array where a removed
 * request's place goes to the last one (each request knows its place), not a Set: every request registers and
 * leaves once, and a Set at 64 in flight regrew and rehashed its table as requests came and went, ~350 B of
 * allocation per request (heap sampling of the issuing path); the array allocates nothing once grown.
 */
export class InFlightRequests {
  private readonly requests: RunAbortable[] = [];
  aborted = false;

  get size(): number {
    return this.requests.length;
  }

  add(request: RunAbortable): void {
    if (this.aborted) return void request.abortRun();
    request.inFlightAt = this.requests.length;
    this.requests.push(request);
  }

  delete(request: RunAbortable): void {
    const at = request.inFlightAt ?? -1;
    if (at < 0 || this.requests[at] !== request) return;
    const last = this.requests.pop()!;
    if (last !== request) {
      this.requests[at] = last;
      last.inFlightAt = at;
    }
    request.inFlightAt = -1;
  }

  abortAll(): void {
    this.aborted = true;
    for (const request of this.requests.splice(0)) {
      request.inFlightAt = -1;
      request.abortRun();
    }
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
