import { Dispatcher, errors } from 'undici';
import { type ConnectionOwner, H1Connection, H1Request } from './h1-connection.js';
import { encodeRequest } from './h1-request.js';

export interface H1PoolOptions {
  /** At most this many connections (one request in flight each); null: as many as requests in flight. */
  connections: number | null;
  /** How long an idle connection is reused when the server gives no `Keep-Alive: timeout` (ms). */
  keepAliveTimeoutMs?: number;
  /** The longest a server's hint may keep an idle connection (ms). */
  keepAliveMaxTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/**
 * A keep-alive HTTP/1.1 connection pool for plain `http://` origins: the part of undici's Pool that aiperf's
 * request path uses (`dispatch` with a raw handler, close, destroy), one request per connection at a time.
 *
 * Hand-written because the request-rate benchmark showed the client as the bottleneck, and undici's per-request
 * machinery (request object, header validation, wasm llhttp, handler wrapping, pool/client bookkeeping) was a large
 * share of it. Measured against the zero-latency mock at 64 connections, non-streaming, A/B in adjacent runs
 * (load average 17–26 on 2 cores, so CPU time, not req/s): the transport alone, a trivial raw handler, 56–65 µs of
 * client CPU per request through undici's Pool, 45–47 through this; aiperf as a whole (bench/profile-rate.mjs,
 * AIPERF_LOADGEN pointing at a build whose `usesLeanTransport` says false) 279–292 → 162–186 µs per request in one
 * set of pairs, medians 239 → 192 in another, and 1.36–1.5× the request rate (median of rounds) in the same runs.
 * Errors are undici's own classes with llhttp's messages, so a failure is recorded the same way whichever
 * transport carried it.
 *
 * A connection that carried a response is reused only after the next poll of its socket (as undici does since
 * GHSA-35p6-xmwp-9g52): a close or stray bytes the server sent meanwhile are read first, so a request is not
 * written onto a socket the server already closed.
 */
export class H1Pool extends Dispatcher implements ConnectionOwner {
  private readonly idle: H1Connection[] = [];
  private readonly queue: H1Request[] = [];
  private readonly connections = new Set<H1Connection>();
  private readonly target: { host: string; port: number; connectTimeoutMs: number };
  private readonly hostHeader: string;
  private readonly maxConnections: number;
  private readonly keepAliveMs: number;
  private readonly maxKeepAliveMs: number;
  /** Connections between their last response and their reuse (each takes the next queued request). */
  private validating = 0;
  /** Connections released since the last check phase, waiting for the first of their two immediates. */
  private releasedThisTurn: H1Connection[] = [];
  private closing = false;
  /** Closing with nothing in flight: every socket has been destroyed and is only waited for. */
  private closingSockets = false;
  private destroyed = false;
  private readonly closeWaiters: Array<() => void> = [];
  private readonly onAbort = (request: H1Request, error: Error) => this.abortRequest(request, error);

  constructor(origin: string | URL, options: H1PoolOptions) {
    super();
    const url = new URL(origin);
    if (url.protocol !== 'http:') throw new errors.InvalidArgumentError(`the lean HTTP/1.1 transport serves http:// only, not ${url.protocol}`);
    this.target = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80), connectTimeoutMs: options.connectTimeoutMs ?? 10_000 };
    this.hostHeader = url.host;
    this.maxConnections = options.connections ?? Infinity;
    this.keepAliveMs = options.keepAliveTimeoutMs ?? 4_000;
    this.maxKeepAliveMs = options.keepAliveMaxTimeoutMs ?? 600_000;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    let request: H1Request;
    try {
      if (this.destroyed) throw new errors.ClientDestroyedError();
      if (this.closing) throw new errors.ClientClosedError();
      request = new H1Request(encodeRequest(options, this.hostHeader), handler, options.method === 'HEAD', options.reset === true, this.onAbort);
    } catch (error) {
      handler.onError?.(error as Error);
      return false;
    }
    handler.onConnect?.(request.abort);
    if (request.done) return true;
    const idle = this.takeIdle();
    if (idle) idle.send(request);
    // A connection about to be free serves the request before a new one would be opened (as undici's pool does).
    else if (this.queue.length < this.validating || this.connections.size >= this.maxConnections) this.queue.push(request);
    else this.open().send(request);
    return true;
  }

  /** Opens up to `count` connections now (within the cap), idle until used; resolves to how many connected. */
  preconnect(count: number): Promise<number> {
    const wanted = Math.max(0, Math.min(count, this.maxConnections - this.connections.size));
    const opened = Array.from({ length: wanted }, () => {
      const connection = this.open();
      return new Promise<boolean>((resolve) => {
        connection.socket.once('connect', () => resolve(true));
        connection.socket.once('close', () => resolve(false));
      });
    });
    return Promise.all(opened).then((results) => results.filter(Boolean).length);
  }

  released(connection: H1Connection): void {
    this.validating += 1;
    if (this.releasedThisTurn.push(connection) === 1) setImmediate(validate, this);
  }

  /** The connections released this loop turn: they wait together (see `validate`). */
  takeReleased(): H1Connection[] {
    const batch = this.releasedThisTurn;
    this.releasedThisTurn = [];
    return batch;
  }

  /** After the wait for stray bytes or a close (see `validate`). */
  validated(connections: H1Connection[]): void {
    for (const connection of connections) {
      this.validating -= 1;
      this.serveOrPark(connection);
    }
  }

  connected(connection: H1Connection): void {
    this.serveOrPark(connection);
  }

  closed(connection: H1Connection): void {
    this.connections.delete(connection);
    const at = this.idle.indexOf(connection);
    if (at !== -1) this.idle.splice(at, 1);
    // A connection lost (or never made) leaves room for a queued request.
    if (this.queue.length > 0 && this.connections.size < this.maxConnections) this.open().send(this.queue.shift()!);
    this.checkClosed();
  }

  /** Sends the next queued request on `connection`, or parks it idle (closes it when the pool is closing). */
  serveOrPark(connection: H1Connection): void {
    if (connection.dead || connection.socket.destroyed) return;
    const next = this.queue.shift();
    if (next) {
      connection.send(next);
      return;
    }
    if (this.closing) return void connection.socket.destroy();
    connection.idleSinceMs = performance.now();
    this.idle.push(connection);
  }

  /** The most recently parked idle connection the server still keeps open (by its keep-alive hint). */
  private takeIdle(): H1Connection | null {
    if (this.idle.length === 0) return null;
    const nowMs = performance.now();
    while (this.idle.length > 0) {
      const connection = this.idle.pop()!;
      if (connection.dead || connection.socket.destroyed) continue;
      if (nowMs - connection.idleSinceMs < connection.keepAliveMs) return connection;
      connection.socket.destroy();
    }
    return null;
  }

  private open(): H1Connection {
    const connection = new H1Connection(this, this.target, this.keepAliveMs, this.maxKeepAliveMs);
    this.connections.add(connection);
    return connection;
  }

  private abortRequest(request: H1Request, error: Error): void {
    if (request.done) return;
    if (request.connection) {
      request.connection.fail(error);
      return;
    }
    request.done = true;
    const at = this.queue.indexOf(request);
    if (at !== -1) this.queue.splice(at, 1);
    request.handler.onError?.(error);
  }

  /**
   * Once closing and nothing is left in flight: every socket closed (once: each close calls this again, and
   * destroying them all each time was quadratic, ~10 ms of a 1,000-connection pool's close), then the waiters
   * resolved.
   */
  private checkClosed(): void {
    if (!this.closing || this.queue.length > 0) return;
    if (!this.closingSockets) {
      for (const connection of this.connections) if (connection.request) return;
      this.closingSockets = true;
      this.idle.length = 0;
      for (const connection of this.connections) connection.socket.destroy();
    }
    if (this.connections.size === 0) for (const resolve of this.closeWaiters.splice(0)) resolve();
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    this.closing = true;
    const done = new Promise<void>((resolve) => {
      this.closeWaiters.push(resolve);
      this.checkClosed();
    });
    if (!callback) return done;
    void done.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const callback = typeof first === 'function' ? first : second;
    const error = (typeof first === 'function' ? null : first) ?? new errors.ClientDestroyedError();
    this.destroyed = true;
    this.closing = true;
    for (const request of this.queue.splice(0)) {
      request.done = true;
      request.handler.onError?.(error);
    }
    for (const connection of this.connections) {
      if (connection.request) connection.fail(error);
      else connection.socket.destroy();
    }
    const done = new Promise<void>((resolve) => {
      this.closeWaiters.push(resolve);
      this.checkClosed();
    });
    if (!callback) return done;
    void done.then(callback);
  }
}

/**
 * A connection is reused only after the event loop has polled its socket once more: the response ends in a poll
 * phase, and a FIN that arrived with it is read in the next one (libuv stops reading a socket after a short read),
 * so the wait is an immediate scheduled from an immediate (the check phase of the next loop turn), as undici waits.
 * The connections released in one loop turn share that pair of immediates: two per request were ~370 B of
 * allocation each and two trips through the immediate queue (at 64 connections a turn typically releases several).
 */
function validate(pool: H1Pool): void {
  setImmediate(validated, pool, pool.takeReleased());
}

function validated(pool: H1Pool, connections: H1Connection[]): void {
  pool.validated(connections);
}

/**
 * Runs `callback` in the check phase of the next loop turn, after the requests H1Pool holds for the connections
 * released so far in this turn have been written (`validate` takes as many immediates, scheduled earlier).
 *
 * For work that can wait and comes in bursts with those releases: reading a wave of finished requests, posting
 * them to the main thread. Scheduled with one immediate, that work ran between a connection's release and its
 * next send, and every request of the wave waited for it: streaming at 100 in step against a server that answers
 * at exactly +50 ms, the time from a request's start to its write measured p50 ~3.5 ms with one immediate and
 * ~2.1 ms with this (12 runs each), and a 1-ms reading slice sat in that window.
 */
export function afterReleasedConnectionsSend(callback: () => void): void {
  setImmediate(() => setImmediate(callback));
}
