import { errors } from 'undici';
import { LineReader, addTrailer, parseChunkSize } from './h1-chunked.js';
import { type ResponseHead, findHeadEnd, parseHead, protocolError, socketError } from './h1-head.js';

/** Where a parsed response goes: final heads only (1xx are skipped), body bytes as they arrive, then the end. */
export interface ResponseSink {
  onResponseHead(head: ResponseHead): void;
  onResponseData(chunk: Buffer): void;
  onResponseEnd(rawTrailers: Buffer[]): void;
}

const State = { Idle: 0, Head: 1, Length: 2, ChunkSize: 3, ChunkData: 4, ChunkDataEnd: 5, Trailers: 6, UntilClose: 7, Stopped: 8 } as const;
type State = (typeof State)[keyof typeof State];

/** A head (or trailer section) larger than Node's and undici's default limit is refused, not buffered forever. */
const MAX_HEAD_BYTES = 16 * 1024;
const LF = 10;
const CR = 13;

/**
 * An HTTP/1.1 response parser, fed each socket read as it comes: it calls the sink synchronously from `feed`, so
 * body chunks reach the handler within the socket's data callback (arrival timestamps are taken there). Bodies are
 * framed by Content-Length, chunked transfer coding (extensions ignored, trailers kept) or the connection's close.
 * Errors are thrown as the errors undici reports for the same bytes.
 */
export class ResponseParser {
  private state: State = State.Idle;
  /** Bytes of an unfinished head, kept until the rest arrives. */
  private carry: Buffer | null = null;
  private readonly lines = new LineReader();
  private remaining = 0;
  private sawCr = false;
  private bodyless = false;
  private trailers: Buffer[] = [];
  /** The current response's head (null until it arrived). */
  head: ResponseHead | null = null;

  constructor(private readonly sink: ResponseSink) {}

  /** Expects the response to a request just sent (`bodyless` for HEAD). */
  expect(bodyless: boolean): void {
    this.state = State.Head;
    this.head = null;
    this.carry = null;
    this.lines.reset();
    this.sawCr = false;
    this.bodyless = bodyless;
    this.trailers = [];
  }

  /** No more parsing (the request ended early); bytes still in `feed` are ignored. */
  stop(): void {
    this.state = State.Stopped;
  }

  /** Between responses: any byte from the server now is unsolicited. */
  get idle(): boolean {
    return this.state === State.Idle;
  }

  /** Whether the connection can carry another request after this response (known once the head arrived). */
  get keepAlive(): boolean {
    return this.head?.keepAlive === true;
  }

  /** Parses one read; returns how many bytes after the end of the response it did not consume (0 normally). */
  feed(data: Buffer): number {
    let at = 0;
    if (this.state === State.Head && this.carry) {
      data = Buffer.concat([this.carry, data]);
      this.carry = null;
    }
    while (at < data.length) {
      switch (this.state) {
        case State.Head:
          at = this.readHead(data, at);
          break;
        case State.Length: {
          const take = Math.min(this.remaining, data.length - at);
          this.remaining -= take;
          this.sink.onResponseData(take === data.length ? data : data.subarray(at, at + take));
          at += take;
          if (this.remaining === 0 && this.state === State.Length) this.end();
          break;
        }
        case State.ChunkSize:
          at = this.readChunkSize(data, at);
          break;
        case State.ChunkData: {
          const take = Math.min(this.remaining, data.length - at);
          this.remaining -= take;
          if (this.remaining === 0) this.state = State.ChunkDataEnd;
          this.sink.onResponseData(take === data.length ? data : data.subarray(at, at + take));
          at += take;
          break;
        }
        case State.ChunkDataEnd:
          at = this.readChunkDataEnd(data, at);
          break;
        case State.Trailers:
          at = this.readTrailer(data, at);
          break;
        case State.UntilClose:
          this.sink.onResponseData(at === 0 ? data : data.subarray(at));
          at = data.length;
          break;
        default: // Idle (the response is over) or Stopped
          return this.state === State.Idle ? data.length - at : 0;
      }
    }
    return 0;
  }

  /**
   * The server closed the connection. A body read until the close ends here (null); otherwise the error undici
   * reports: the socket's for a response not begun or one that was to keep the connection, else a framing error.
   */
  endOfInput(socketClosed: () => Error): Error | null {
    if (this.state === State.UntilClose) {
      this.end();
      return null;
    }
    if (this.state === State.Idle || this.state === State.Stopped) return null;
    if (this.head === null || this.head.keepAlive) return socketClosed();
    if (this.state === State.Length) return new errors.ResponseContentLengthMismatchError();
    return protocolError('Invalid EOF state', 'INVALID_EOF_STATE');
  }

  private end(): void {
    this.state = State.Idle;
    this.sink.onResponseEnd(this.trailers);
  }

  private readHead(data: Buffer, at: number): number {
    const end = findHeadEnd(data, at);
    if (end === -1) {
      if (data.length - at > MAX_HEAD_BYTES) throw new errors.HeadersOverflowError();
      this.carry = at === 0 ? data : data.subarray(at);
      return data.length;
    }
    if (end - at > MAX_HEAD_BYTES) throw new errors.HeadersOverflowError();
    const head = parseHead(data, at, end);
    // Interim responses (100 Continue, 103 Early Hints) precede the real one: skipped, as RFC 9110 asks of clients.
    if (head.status < 200) {
      if (head.status === 101) throw socketError('bad upgrade');
      return end;
    }
    this.head = head;
    const noBody = this.bodyless || head.status === 204 || head.status === 304 || (!head.chunked && head.contentLength === 0);
    if (noBody) this.state = State.Idle;
    else if (head.chunked) this.state = State.ChunkSize;
    else if (head.contentLength > 0) {
      this.state = State.Length;
      this.remaining = head.contentLength;
    } else {
      // Neither length nor chunks: the body is whatever comes until the server closes.
      this.state = State.UntilClose;
      head.keepAlive = false;
    }
    this.sink.onResponseHead(head);
    // (Unless the sink stopped the parser meanwhile.)
    if (noBody && this.state === State.Idle) this.sink.onResponseEnd(this.trailers);
    return end;
  }

  private readChunkSize(data: Buffer, at: number): number {
    const found = this.lines.next(data, at);
    if (!found) return data.length;
    const size = parseChunkSize(found.line);
    if (size === 0) this.state = State.Trailers;
    else {
      this.state = State.ChunkData;
      this.remaining = size;
    }
    return found.next;
  }

  private readChunkDataEnd(data: Buffer, at: number): number {
    const byte = data[at];
    if (byte === CR && !this.sawCr) {
      this.sawCr = true;
      return at + 1;
    }
    if (byte !== LF) throw protocolError('Expected LF after chunk data', 'STRICT');
    this.sawCr = false;
    this.state = State.ChunkSize;
    return at + 1;
  }

  private readTrailer(data: Buffer, at: number): number {
    const found = this.lines.next(data, at);
    if (!found) return data.length;
    if (found.line.length === 0) this.end();
    else addTrailer(this.trailers, found.line);
    return found.next;
  }
}
