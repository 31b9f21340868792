import { type Socket, connect } from 'node:net';
import { type Dispatcher, errors } from 'undici';
import { type ResponseHead, rawHeaders, socketError } from './h1-head.js';
import { type ResponseSink, ResponseParser } from './h1-response-parser.js';

/**
 * What a handler that sets `ignoresRawHeaders: true` gets instead of the response's headers (aiperf's own exchange
 * handler reads none when it expects no event stream); any other handler gets them all, as from undici.
 */
const NO_HEADERS: Buffer[] = Object.freeze([]) as unknown as Buffer[];

/** One request as the pool holds it, queued or on a connection, until its handler heard the end. */
export class H1Request {
  done = false;
  connection: H1Connection | null = null;
  /** Handed to the handler's onConnect: fails the request with `error` (and drops its connection). */
  readonly abort: (error?: Error) => void;

  constructor(
    readonly wire: string | Buffer,
    readonly handler: Dispatcher.DispatchHandler,
    readonly bodyless: boolean,
    readonly reset: boolean,
    onAbort: (request: H1Request, error: Error) => void,
  ) {
    this.abort = (error) => onAbort(this, error ?? new errors.RequestAbortedError());
  }
}

/** What a connection tells its pool. */
export interface ConnectionOwner {
  /** The response ended and the connection may carry another request, for `keepAliveMs` from now. */
  released(connection: H1Connection): void;
  /** Connected without a request to send (preconnected). */
  connected(connection: H1Connection): void;
  /** The socket is gone; its request (if any) has heard why. */
  closed(connection: H1Connection): void;
}

export interface ConnectionTarget {
  host: string;
  port: number;
  connectTimeoutMs: number;
}

/**
 * Every socket of this thread reads into this one buffer (net's `onread`), and each read is copied out at once into
 * a Buffer of its own size, which for a read under 4 KiB is a slice of Node's shared pool. Without it each read got
 * an ArrayBuffer of its own (allocated, tracked as external memory, freed by the GC): 300 sockets reading 300-byte
 * messages from another process took 635–789 ms of client CPU per 120,000 messages this way against 863–949 ms
 * with 'data' events (3 alternating pairs). An SSE stream is one read per token.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

const socketInfo = (socket: Socket) => ({
  localAddress: socket.localAddress, localPort: socket.localPort, remoteAddress: socket.remoteAddress,
  remotePort: socket.remotePort, remoteFamily: socket.remoteFamily, bytesWritten: socket.bytesWritten, bytesRead: socket.bytesRead,
});

/**
 * One keep-alive socket carrying one request at a time. Response bytes are parsed in the socket's data callback
 * and handed to the request's handler there (onHeaders/onData/onComplete), so each chunk is stamped on arrival.
 */
export class H1Connection implements ResponseSink {
  readonly socket: Socket;
  private readonly parser = new ResponseParser(this);
  request: H1Request | null = null;
  dead = false;
  /** Idle since (performance.now() ms), and for how long the server keeps an idle connection (its hint, less 2 s). */
  idleSinceMs = 0;
  keepAliveMs: number;
  private connectTimer: NodeJS.Timeout | null;
  private readonly resume = () => this.socket.resume();

  constructor(private readonly owner: ConnectionOwner, target: ConnectionTarget, private readonly defaultKeepAliveMs: number, private readonly maxKeepAliveMs: number) {
    this.keepAliveMs = defaultKeepAliveMs;
    // As undici's connector: no Nagle delay, TCP keep-alive probes after a minute idle.
    this.socket = connect({
      host: target.host, port: target.port, noDelay: true, keepAlive: true, keepAliveInitialDelay: 60_000,
      onread: { buffer: READ_BUFFER, callback: this.onRead },
    });
    this.connectTimer = setTimeout(() => {
      const error = new errors.ConnectTimeoutError(`Connect Timeout Error (attempted address: ${target.host}:${target.port}, timeout: ${target.connectTimeoutMs}ms)`);
      this.socket.destroy(error);
    }, target.connectTimeoutMs);
    this.socket.on('connect', this.onConnect);
    this.socket.on('end', this.onEnd);
    this.socket.on('error', this.onError);
    this.socket.on('close', this.onClose);
  }

  /** Writes the request (while still connecting, the socket holds it until connected). */
  send(request: H1Request): void {
    this.request = request;
    request.connection = this;
    this.parser.expect(request.bodyless);
    this.socket.ref();
    this.socket.write(request.wire);
  }

  /** Ends the request with `error` and drops the connection (its state mid-response is unknown). */
  fail(error: Error): void {
    const request = this.request;
    this.request = null;
    this.parser.stop();
    this.socket.destroy();
    if (request && !request.done) {
      request.done = true;
      request.handler.onError?.(error);
    }
  }

  onResponseHead(head: ResponseHead): void {
    if (head.keepAliveTimeoutMs !== null) this.keepAliveMs = Math.min(head.keepAliveTimeoutMs - 2000, this.maxKeepAliveMs);
    else this.keepAliveMs = this.defaultKeepAliveMs;
    const handler: Dispatcher.DispatchHandler & { ignoresRawHeaders?: boolean } = this.request!.handler;
    const raw = handler.ignoresRawHeaders === true ? NO_HEADERS : rawHeaders(head);
    if (handler.onHeaders?.(head.status, raw, this.resume, head.statusText) === false) this.socket.pause();
  }

  onResponseData(chunk: Buffer): void {
    if (this.request!.handler.onData?.(chunk) === false) this.socket.pause();
  }

  onResponseEnd(rawTrailers: Buffer[]): void {
    const request = this.request!;
    this.request = null;
    request.done = true;
    // A response that came before the request was all written (an early 413, say) leaves the socket mid-request.
    if (this.parser.keepAlive && !request.reset && this.keepAliveMs > 0 && this.socket.writableLength === 0) {
      this.socket.unref();
      this.owner.released(this);
    } else {
      this.socket.destroy();
    }
    request.handler.onComplete?.(rawTrailers as unknown as string[]);
  }

  private readonly onConnect = () => {
    clearTimeout(this.connectTimer!);
    this.connectTimer = null;
    if (!this.request) {
      this.socket.unref();
      this.owner.connected(this);
    }
  };

  /** net's `onread` callback: the read is in READ_BUFFER until the next one, so it is copied out first. */
  private readonly onRead = (bytes: number): boolean => {
    const data = Buffer.allocUnsafe(bytes);
    READ_BUFFER.copy(data, 0, 0, bytes); // no view of the read to allocate, as `subarray` would
    this.onData(data);
    return true; // a handler that wants no more for now pauses the socket itself (onResponseHead, onResponseData)
  };

  private readonly onData = (data: Buffer) => {
    // Bytes nobody asked for (between requests) mean the server and this client no longer agree: drop it.
    if (!this.request || this.parser.idle) return void this.socket.destroy();
    let extra: number;
    try {
      extra = this.parser.feed(data);
    } catch (error) {
      return this.fail(error as Error);
    }
    if (extra > 0) this.socket.destroy();
  };

  /** The server closed its side: ends a body read until the close, fails a request mid-response, retires an idle socket. */
  private readonly onEnd = () => {
    if (!this.request) return void this.socket.destroy();
    const error = this.parser.endOfInput(() => socketError('other side closed', socketInfo(this.socket)));
    if (error) this.fail(error);
  };

  private readonly onError = (error: Error & { code?: string }) => {
    if (!this.request) return;
    // A reset after a response that was to close anyway ends it, as if the server had closed (undici does the same).
    if (error.code === 'ECONNRESET' && this.parser.head !== null && !this.parser.keepAlive) {
      const framing = this.parser.endOfInput(() => error);
      if (framing) this.fail(framing);
      return;
    }
    this.fail(error);
  };

  private readonly onClose = () => {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.dead = true;
    if (this.request) this.fail(socketError('closed', socketInfo(this.socket)));
    this.owner.closed(this);
  };
}
