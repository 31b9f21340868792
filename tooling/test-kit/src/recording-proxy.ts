// A pass-through HTTP proxy that records what went over the wire, for tests that check what a client sent and
// when: every request's method, path, headers and JSON body, which client connection carried it, and when it
// reached the proxy, when the upstream's first response bytes passed back and when the answer ended (all
// performance.now() ms). Answers stream through untouched, so the client sees the upstream's own timing.
import { type IncomingHttpHeaders, type IncomingMessage, type Server, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The request body of an OpenAI chat completion, as far as the tests read it. */
export interface ChatCompletionBody {
  messages: Array<{ role: string; content: string }>;
  max_completion_tokens?: number;
}

export interface RecordedExchange<Body = unknown> {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The request body parsed as JSON (null when empty), set once the request ended. */
  body: Body;
  /** Which client connection carried it (1, 2, … in order of connecting). */
  connection: number;
  receivedMs: number;
  /** The first response body bytes passed back (the end of prefill as the client sees it); NaN until then. */
  firstByteMs: number;
  /** The answer ended; NaN until then. */
  answeredMs: number;
  status: number;
  /** The whole response body. */
  responseText: string;
  /** A non-streaming chat completion's answer (`choices[0].message.content`); '' for any other response. */
  answer: string;
}

export interface RecordingProxy<Body = unknown> {
  url: string;
  /**
   * Completion requests (POST), in order of arrival; an entry is complete once its answer ended. Other methods
   * (a client's GET /metrics scrape) pass through unrecorded. Tests may empty it (`exchanges.length = 0`).
   */
  exchanges: RecordedExchange<Body>[];
  close(): Promise<void>;
}

function chatAnswer(text: string): string {
  try {
    return JSON.parse(text).choices?.[0]?.message?.content ?? '';
  } catch {
    return '';
  }
}

export async function startRecordingProxy<Body = unknown>(upstreamUrl: string): Promise<RecordingProxy<Body>> {
  const upstream = new URL(upstreamUrl);
  const exchanges: RecordedExchange<Body>[] = [];
  const connections = new WeakMap<Socket, number>();
  let connected = 0;
  const server: Server = createServer((req, res) => {
    const exchange: RecordedExchange<Body> = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      body: null as Body,
      connection: connections.get(req.socket) ?? 0,
      receivedMs: performance.now(),
      firstByteMs: Number.NaN,
      answeredMs: Number.NaN,
      status: 0,
      responseText: '',
      answer: '',
    };
    if (req.method === 'POST') exchanges.push(exchange);
    const requestChunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => requestChunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(requestChunks).toString('utf8');
      exchange.body = (text ? JSON.parse(text) : null) as Body;
    });
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer: IncomingMessage) => {
        exchange.status = answer.statusCode ?? 502;
        res.writeHead(exchange.status, answer.headers);
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => {
          if (Number.isNaN(exchange.firstByteMs)) exchange.firstByteMs = performance.now();
          answerChunks.push(chunk);
          res.write(chunk);
        });
        answer.on('end', () => {
          exchange.answeredMs = performance.now();
          exchange.responseText = Buffer.concat(answerChunks).toString('utf8');
          exchange.answer = chatAnswer(exchange.responseText);
          res.end();
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket: Socket) => connections.set(socket, ++connected));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Most intervals open at once (an end at the same instant as a start does not overlap it). */
export function maxOverlap(intervals: ReadonlyArray<readonly [number, number]>): number {
  const events = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of events) most = Math.max(most, (open += delta));
  return most;
}
