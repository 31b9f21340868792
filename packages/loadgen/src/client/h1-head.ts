import { errors } from 'undici';

/** What a response head says about the body that follows and about the connection afterwards. */
export interface ResponseHead {
  status: number;
  statusText: string;
  /** The head's bytes (`data[from, end)`), for rawHeaders (only while the received bytes are still in `data`). */
  data: Buffer;
  from: number;
  end: number;
  /** The body's length from Content-Length, or -1 when the head gives none. */
  contentLength: number;
  chunked: boolean;
  /** The server keeps the connection open after this response. */
  keepAlive: boolean;
  /** The server's `Keep-Alive: timeout=N`, in ms, or null. */
  keepAliveTimeoutMs: number | null;
}

// undici's typings omit these constructors' arguments: (message, llhttp error name without `HPE_`), (message, socket info).
const ParserError = errors.HTTPParserError as unknown as new (message: string, code: string) => Error;
const SocketError = errors.SocketError as unknown as new (message: string, socket?: object) => Error;

/** llhttp's message format and code, so a parse failure reads (and classifies) as it did through undici. */
export const protocolError = (reason: string, code: string) => new ParserError(`Response does not match the HTTP/1.1 protocol (${reason})`, code);
export const socketError = (message: string, socket?: object) => new SocketError(message, socket);

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const HTTP_1 = Buffer.from('HTTP/');

/** Where the head that starts at `from` ends (just past its blank line, CRLF or bare LF), or -1 while incomplete. */
export function findHeadEnd(data: Buffer, from: number): number {
  let lf = data.indexOf(LF, from);
  while (lf !== -1) {
    const next = data[lf + 1];
    if (next === LF) return lf + 2;
    if (next === CR && data[lf + 2] === LF) return lf + 3;
    if (next === undefined || (next === CR && lf + 2 >= data.length)) return -1;
    lf = data.indexOf(LF, lf + 1);
  }
  return -1;
}

/** The end of a line's content: before its LF, and before a CR ahead of it. */
const lineEnd = (data: Buffer, lf: number, from: number) => (lf > from && data[lf - 1] === CR ? lf - 1 : lf);

/** Parses a complete head (`data[from, end)`, blank line included); throws the parse error llhttp would report. */
export function parseHead(data: Buffer, from: number, end: number): ResponseHead {
  let lf = data.indexOf(LF, from);
  const statusEnd = lineEnd(data, lf, from);
  const { minor, status } = parseStatusLine(data, from, statusEnd);
  const head: ResponseHead = {
    status,
    statusText: statusEnd > from + 13 ? data.toString('latin1', from + 13, statusEnd) : '',
    data,
    from,
    end,
    contentLength: -1,
    chunked: false,
    keepAlive: minor === 1,
    keepAliveTimeoutMs: null,
  };
  forEachHeader(data, lf + 1, end, (nameStart, nameEnd, valueStart, valueEnd) => readFramingHeader(head, data, nameStart, nameEnd, valueStart, valueEnd));
  // A Content-Length beside chunked coding (request smuggling's tool) is refused; undici names it a length mismatch.
  if (head.chunked && head.contentLength !== -1) throw new errors.ResponseContentLengthMismatchError();
  return head;
}

/**
 * The head's headers as undici hands them to a raw handler: name and value alternating, each a view of the
 * received bytes. Made only when asked (see H1Connection): a non-streaming exchange never reads them, and making
 * them for every response was ~1.3 KB of allocation per request (12 views for the mock's 6 headers).
 */
export function rawHeaders(head: ResponseHead): Buffer[] {
  const raw: Buffer[] = [];
  const { data } = head;
  forEachHeader(data, data.indexOf(LF, head.from) + 1, head.end, (nameStart, nameEnd, valueStart, valueEnd) => {
    raw.push(data.subarray(nameStart, nameEnd), data.subarray(valueStart, valueEnd));
  });
  return raw;
}

type HeaderVisitor = (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void;

/** Calls `visit` with each header line's name and (trimmed) value bounds, from `start` to the blank line. */
function forEachHeader(data: Buffer, start: number, end: number, visit: HeaderVisitor): void {
  for (let lf: number; start < end; start = lf + 1) {
    lf = data.indexOf(LF, start);
    const stop = lineEnd(data, lf, start);
    if (stop === start) break; // the blank line
    const colon = data.indexOf(COLON, start);
    if (colon <= start || colon > stop || data[colon - 1] === SPACE || data[colon - 1] === TAB) throw protocolError('Invalid header token', 'INVALID_HEADER_TOKEN');
    let valueStart = colon + 1;
    let valueEnd = stop;
    while (valueStart < valueEnd && (data[valueStart] === SPACE || data[valueStart] === TAB)) valueStart++;
    while (valueEnd > valueStart && (data[valueEnd - 1] === SPACE || data[valueEnd - 1] === TAB)) valueEnd--;
    visit(start, colon, valueStart, valueEnd);
  }
}

/** "HTTP/1.x NNN[ reason]": the version's minor digit and the status, or llhttp's complaint. */
function parseStatusLine(data: Buffer, from: number, end: number): { minor: number; status: number } {
  if (end - from < 5 || data.compare(HTTP_1, 0, 5, from, from + 5) !== 0) throw protocolError('Expected HTTP/, RTSP/ or ICE/', 'INVALID_CONSTANT');
  const major = data[from + 5]! - 48;
  if (!(major >= 0 && major <= 9)) throw protocolError('Invalid major version', 'INVALID_VERSION');
  if (data[from + 6] !== 46) throw protocolError('Expected dot', 'INVALID_VERSION');
  const minor = data[from + 7]! - 48;
  if (!(minor >= 0 && minor <= 9)) throw protocolError('Invalid minor version', 'INVALID_VERSION');
  if (major !== 1 || minor > 1) throw protocolError('Invalid HTTP version', 'INVALID_VERSION');
  if (data[from + 8] !== SPACE) throw protocolError('Expected space after version', 'INVALID_VERSION');
  if (!isDigits(data, from + 9, from + 12) || from + 12 > end) throw protocolError('Invalid status code', 'INVALID_STATUS');
  if (from + 12 < end && data[from + 12] !== SPACE) throw protocolError('Invalid response status', 'INVALID_STATUS');
  const status = (data[from + 9]! - 48) * 100 + (data[from + 10]! - 48) * 10 + (data[from + 11]! - 48);
  return { minor, status };
}

function isDigits(data: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (data[i]! < 48 || data[i]! > 57) return false;
  return from < to;
}

/** Whether `data[start, end)` is `lowerName`, ASCII letters in any case (`lowerName` is lower-case). */
function isName(data: Buffer, start: number, end: number, lowerName: string): boolean {
  if (end - start !== lowerName.length) return false;
  for (let i = 0; i < lowerName.length; i++) {
    const byte = data[start + i]!;
    if ((byte >= 65 && byte <= 90 ? byte | 0x20 : byte) !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The headers that frame the body or decide the connection's fate. Names are matched on the bytes (no string
 * per header line); a value becomes a string only for the few headers read here.
 */
function readFramingHeader(head: ResponseHead, data: Buffer, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
  if (isName(data, nameStart, nameEnd, 'content-length')) {
    const contentLength = isDigits(data, valueStart, valueEnd) ? Number(data.toString('latin1', valueStart, valueEnd)) : NaN;
    if (Number.isNaN(contentLength) || (head.contentLength !== -1 && head.contentLength !== contentLength)) throw new errors.ResponseContentLengthMismatchError();
    head.contentLength = contentLength;
  } else if (isName(data, nameStart, nameEnd, 'transfer-encoding')) {
    // Only a final `chunked` coding frames the body in chunks; any other coding runs until the connection closes.
    // (The parser reads a body framed neither way until the connection closes.)
    head.chunked = /(?:^|,)\s*chunked\s*$/.test(data.toString('latin1', valueStart, valueEnd).toLowerCase());
  } else if (isName(data, nameStart, nameEnd, 'connection')) {
    const tokens = data.toString('latin1', valueStart, valueEnd).toLowerCase();
    if (/(?:^|,)\s*close\s*(?:,|$)/.test(tokens)) head.keepAlive = false;
    else if (/(?:^|,)\s*keep-alive\s*(?:,|$)/.test(tokens)) head.keepAlive = true;
  } else if (isName(data, nameStart, nameEnd, 'keep-alive')) {
    const seconds = /(?:^|[,;\s])timeout\s*=\s*(\d+)/.exec(data.toString('latin1', valueStart, valueEnd).toLowerCase())?.[1];
    if (seconds !== undefined) head.keepAliveTimeoutMs = Number(seconds) * 1000;
  }
}
