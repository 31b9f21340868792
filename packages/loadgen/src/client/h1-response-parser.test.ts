import { describe, expect, it } from 'vitest';
import { type ResponseHead, rawHeaders } from './h1-head.js';
import { ResponseParser, type ResponseSink } from './h1-response-parser.js';

/** Feeds `parts` in order and returns what the sink saw (or the error thrown). */
function parse(parts: Buffer[], options: { eof?: boolean } = {}) {
  const seen = { heads: [] as ResponseHead[], headers: [] as string[], body: '', ends: 0, trailers: [] as string[], extra: 0 };
  const sink: ResponseSink = {
    onResponseHead: (head) => {
      seen.heads.push({ ...head, data: Buffer.alloc(0), from: 0, end: 0 });
      seen.headers.push(...rawHeaders(head).map((b) => b.toString('latin1')));
    },
    onResponseData: (chunk) => (seen.body += chunk.toString('latin1')),
    onResponseEnd: (trailers) => {
      seen.ends += 1;
      seen.trailers = trailers.map((t) => t.toString('latin1'));
    },
  };
  const parser = new ResponseParser(sink);
  parser.expect(false);
  for (const part of parts) seen.extra += parser.feed(part);
  const eofError = options.eof ? parser.endOfInput(() => new Error('other side closed')) : null;
  return { ...seen, eofError };
}

/** The response cut at every byte boundary (two reads), and byte by byte: each must parse like the whole. */
function everySplit(raw: string, eof = false) {
  const bytes = Buffer.from(raw, 'latin1');
  const whole = parse([bytes], { eof });
  for (let at = 1; at < bytes.length; at++) {
    expect(parse([bytes.subarray(0, at), bytes.subarray(at)], { eof }), `split at ${at}`).toEqual(whole);
  }
  expect(parse([...bytes].map((b) => Buffer.from([b])), { eof })).toEqual(whole);
  return whole;
}

const CHUNKED =
  'HTTP/1.1 100 Continue\r\n\r\n' +
  'HTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n' +
  'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\nKeep-Alive: timeout=5\r\n\r\n' +
  '5;name=value;q="x y"\r\nhello\r\n' +
  'c \r\n, streaming!\r\n' +
  '0\r\nX-Trailer: done \r\nX-Other:2\r\n\r\n';

describe('ResponseParser', () => {
  it('reads chunked bodies with extensions and trailers, skipping 1xx heads, at every split', () => {
    const seen = everySplit(CHUNKED);
    expect(seen.heads.map((h) => h.status)).toEqual([200]);
    expect(seen.headers).toEqual(['Content-Type', 'text/event-stream', 'Transfer-Encoding', 'chunked', 'Keep-Alive', 'timeout=5']);
    expect(seen.heads[0]).toMatchObject({ statusText: 'OK', chunked: true, keepAlive: true, keepAliveTimeoutMs: 5000 });
    expect(seen.body).toBe('hello, streaming!');
    expect(seen.trailers).toEqual(['X-Trailer', 'done', 'X-Other', '2']);
    expect(seen).toMatchObject({ ends: 1, extra: 0 });
  });

  it('reads a Content-Length body at every split and reports bytes past its end', () => {
    const seen = everySplit('HTTP/1.1 201 Created\r\ncontent-length: 11\r\n\r\n{"a":"b c"}');
    expect(seen).toMatchObject({ body: '{"a":"b c"}', ends: 1, extra: 0 });
    expect(parse([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1')]).extra).toBe(8);
  });

  it('reads a body without length until the connection closes, and never keeps that connection', () => {
    const seen = everySplit('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"partial":', true);
    expect(seen).toMatchObject({ body: '{"partial":', ends: 1, eofError: null });
    expect(seen.heads[0]!.keepAlive).toBe(false);
  });

  it('accepts bare LF line ends, HTTP/1.0 and Connection: close', () => {
    const seen = everySplit('HTTP/1.0 200 OK\nContent-Length: 2\nConnection: keep-alive\n\nok');
    expect(seen).toMatchObject({ body: 'ok', ends: 1 });
    expect(seen.heads[0]!.keepAlive).toBe(true);
    expect(parse([Buffer.from('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')]).heads[0]!.keepAlive).toBe(false);
    expect(parse([Buffer.from('HTTP/1.1 204 No Content\r\nConnection: Close\r\n\r\n')])).toMatchObject({ ends: 1 });
    expect(parse([Buffer.from('HTTP/1.1 204 No Content\r\nConnection: Close\r\n\r\n')]).heads[0]!.keepAlive).toBe(false);
  });

  it('throws the errors undici reports for broken responses', () => {
    const failure = (raw: string) => {
      try {
        parse([Buffer.from(raw, 'latin1')]);
        return null;
      } catch (error) {
        return { name: (error as Error).name, code: (error as { code?: string }).code, message: (error as Error).message };
      }
    };
    // The messages are llhttp's, as undici 7.30 reports them for these bytes.
    const parserError = (reason: string) => ({ name: 'HTTPParserError', message: `Response does not match the HTTP/1.1 protocol (${reason})` });
    expect(failure('garbage\r\n\r\n')).toMatchObject({ ...parserError('Expected HTTP/, RTSP/ or ICE/'), code: 'HPE_INVALID_CONSTANT' });
    expect(failure('HTTP/9 nope\r\n\r\n')).toMatchObject(parserError('Expected dot'));
    expect(failure('HTTP/1.x 200 OK\r\n\r\n')).toMatchObject(parserError('Invalid minor version'));
    expect(failure('HTTP/1.1 2x0 OK\r\n\r\n')).toMatchObject(parserError('Invalid status code'));
    expect(failure('HTTP/1.1 20 OK\r\n\r\n')).toMatchObject(parserError('Invalid status code'));
    expect(failure('HTTP/1.1 200OK\r\n\r\n')).toMatchObject(parserError('Invalid response status'));
    expect(failure('HTTP/1.1 200 OK\r\nBad Header\r\n\r\n')).toMatchObject(parserError('Invalid header token'));
    expect(failure('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n')).toMatchObject({ name: 'ResponseContentLengthMismatchError' });
    expect(failure('HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n')).toMatchObject({ name: 'ResponseContentLengthMismatchError' });
    expect(failure('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n')).toMatchObject({ name: 'ResponseContentLengthMismatchError' });
    expect(failure('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n')).toMatchObject(parserError('Invalid character in chunk size'));
    expect(failure('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n')).toMatchObject(parserError('Expected LF after chunk data'));
    expect(failure(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).toMatchObject({ name: 'HeadersOverflowError', code: 'UND_ERR_HEADERS_OVERFLOW' });
    expect(failure(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}`)).toMatchObject({ name: 'HeadersOverflowError' });
    expect(failure('HTTP/1.1 101 Switching Protocols\r\n\r\n')).toMatchObject({ name: 'SocketError', message: 'bad upgrade' });
  });

  it('tells a response cut short by the close apart by framing, as undici does', () => {
    const eof = (raw: string) => parse([Buffer.from(raw)], { eof: true }).eofError;
    // Cut while the connection was to stay open: the socket's error.
    expect(eof('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')?.message).toBe('other side closed');
    expect(eof('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab')?.message).toBe('other side closed');
    expect(eof('HTTP/1.1 20')?.message).toBe('other side closed');
    expect(eof('')?.message).toBe('other side closed');
    // Cut while it was to close anyway: the framing's error.
    expect(eof('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 10\r\n\r\nabc')?.name).toBe('ResponseContentLengthMismatchError');
    expect(eof('HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab')).toMatchObject({ name: 'HTTPParserError', code: 'HPE_INVALID_EOF_STATE' });
    expect(eof('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc')).toBeNull();
  });
});
