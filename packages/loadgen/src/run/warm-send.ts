import { type Server, type Socket, createServer } from 'node:net';
import { InFlightRequests } from '../client/send-request.js';
import type { RequestRecord } from '../records.js';
import { type ExecutorSetup, completeRecord, sendTurn } from './request-executor.js';
import { createWarmPool } from './warm-pool.js';

/** A streamed answer of one token and a usage event, as a chat server sends it (chunked SSE), then the socket closes. */
const SSE_EVENTS = [
  'data: {"id":"warm","object":"chat.completion.chunk","created":0,"model":"warm","choices":[{"index":0,"delta":{"role":"assistant","content":"warm"},"finish_reason":"length"}]}\n\n',
  'data: {"id":"warm","object":"chat.completion.chunk","created":0,"model":"warm","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}\n\n',
  'data: [DONE]\n\n',
];
const chunked = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
const ANSWER = `HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n${SSE_EVENTS.map(chunked).join('')}0\r\n\r\n`;

/**
 * Runs one request through this event loop's whole send and read path (headers, body, the transport, the
 * handler's timestamps, the SSE parse and token count) against a throwaway loopback listener of its own, before
 * the first phase: nothing reaches the benchmarked server. Why: in a fresh process (or worker thread) every function
 * on that path is compiled on its first call, and the first request of a fixed-schedule replay left 2–13 ms after its
 * due time (its TTFT grew by as much) while the later ones left within ~0.2–2 ms. Best effort: a failure here only
 * leaves the path cold. Resolves to the warm answer as read (null when not read or when warming failed).
 */
export async function warmSendPath(setup: ExecutorSetup, readAnswer: boolean): Promise<RequestRecord | null> {
  const turn = setup.dataset[0];
  // A huge prompt (built per request) would cost more to build and send than the cold path it warms.
  if (!turn || turn.lazyPrompt) return null;
  let server: Server | null = null;
  try {
    server = await listenOnLoopback();
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const pool = createWarmPool(origin, 1);
    try {
      const target = { dispatcher: pool.pool, path: setup.targets[0]?.path ?? '/', origin };
      const warmSetup: ExecutorSetup = { ...setup, targets: [target], inFlight: new InFlightRequests(), inFlightCell: null, shardIndex: null };
      const pending = await sendTurn(warmSetup, 'warmup', 0, null, turn);
      return readAnswer ? completeRecord({ config: setup.config, endpoint: setup.endpoint, tokenizer: await setup.tokenizer() }, pending) : null;
    } finally {
      await pool.close();
    }
  } catch {
    // Warming is an optimization; the run itself reports any real failure to reach the server.
    return null;
  } finally {
    server?.close();
  }
}

function listenOnLoopback(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket: Socket) => {
      socket.once('data', () => socket.end(ANSWER));
      socket.on('error', () => socket.destroy());
    });
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
