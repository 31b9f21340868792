import { type Dispatcher, errors } from 'undici';

/** Methods whose requests carry a body, so an empty one is still sent as `content-length: 0` (as undici does). */
const EXPECTS_BODY = new Set(['POST', 'PUT', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);
/** CR, LF or NUL in a header would split it into headers of the caller's choosing (header injection). */
const UNSAFE_HEADER = /[\r\n\0]/;

/**
 * A request's bytes on the wire: head and body as one string (one `socket.write`) or one Buffer. The head is what
 * undici writes for the same options: request line, `host`, `connection`, the caller's headers, `content-length`.
 */
export function encodeRequest(options: Dispatcher.DispatchOptions, host: string): string | Buffer {
  const { method, path, body } = options;
  if (options.upgrade || method === 'CONNECT') throw new errors.InvalidArgumentError('upgrade and CONNECT are not supported by the lean HTTP/1.1 transport');
  if (typeof path !== 'string' || path[0] !== '/' || UNSAFE_HEADER.test(path) || path.includes(' ')) throw new errors.InvalidArgumentError('invalid request path');
  const given = { host, lines: '' };
  const headers = options.headers;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) addHeader(given, String(headers[i]), headers[i + 1]);
  } else if (headers) {
    for (const name in headers as Record<string, unknown>) addHeader(given, name, (headers as Record<string, unknown>)[name]);
  }
  const head = `${method} ${path} HTTP/1.1\r\nhost: ${given.host}\r\nconnection: ${options.reset ? 'close' : 'keep-alive'}\r\n${given.lines}`;
  if (body === undefined || body === null) return `${head}${EXPECTS_BODY.has(method) ? 'content-length: 0\r\n' : ''}\r\n`;
  if (typeof body === 'string') {
    const length = Buffer.byteLength(body);
    return length === 0 && !EXPECTS_BODY.has(method) ? `${head}\r\n` : `${head}content-length: ${length}\r\n\r\n${body}`;
  }
  if (body instanceof Uint8Array) {
    const start = Buffer.from(`${head}content-length: ${body.byteLength}\r\n\r\n`, 'latin1');
    return Buffer.concat([start, body]);
  }
  throw new errors.InvalidArgumentError('the lean HTTP/1.1 transport sends string or byte bodies only');
}

function addHeader(given: { host: string; lines: string }, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const each of value) addHeader(given, name, each);
    return;
  }
  const text = String(value);
  if (UNSAFE_HEADER.test(name) || UNSAFE_HEADER.test(text) || name.includes(':')) throw new errors.InvalidArgumentError(`invalid ${name} header`);
  // The body's length and the connection's fate are the transport's to state; a caller's `host` replaces the origin's.
  const lower = name.length === 4 || name.length === 10 || name.length === 14 ? name.toLowerCase() : '';
  if (lower === 'host') given.host = text;
  else if (lower !== 'content-length' && lower !== 'connection') given.lines += `${name}: ${text}\r\n`;
}
