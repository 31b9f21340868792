// A streaming chat server with exactly controlled timing and almost no work per request, in a process of its own:
// the response head at once, the first token at arrival + ttftMs, then one token every itlMs, the usage event and
// the end with the last token. Against the mock (which parses, plans, tokenizes and keeps metrics: ~1 ms of CPU per
// streamed request) a wave of requests in step queues at the server, and that queue is most of a client's measured
// TTFT overhead; against this server what remains is the client's own: how soon it writes its requests and reads
// the first tokens. `node exact-server.mjs <ttftMs> <itlMs> <tokens>` prints its URL and serves until stdin closes.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from './support.mjs';

const WORDS = [' the', ' of', ' and', ' to', ' in', ' that', ' is', ' was'];

/** One SSE event in a chunked body: the chunk-size line, the event, CRLF. */
const chunk = (text) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
const tokenEvent = (index, last) =>
  chunk(`data: {"id":"chatcmpl-exact","object":"chat.completion.chunk","created":0,"model":"mock-model","choices":[{"index":0,"delta":{"content":${JSON.stringify(index === 0 ? WORDS[0].trim() : WORDS[index % WORDS.length])}},"finish_reason":${last ? '"length"' : 'null'}}],"usage":null}\n\n`);
const HEAD = 'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\nconnection: keep-alive\r\nkeep-alive: timeout=60\r\ntransfer-encoding: chunked\r\n\r\n';

function serve({ ttftMs, itlMs, tokens }) {
  const usage = chunk(`data: {"id":"chatcmpl-exact","object":"chat.completion.chunk","created":0,"model":"mock-model","choices":[],"usage":{"prompt_tokens":64,"completion_tokens":${tokens},"total_tokens":${64 + tokens}}}\n\n`) + chunk('data: [DONE]\n\n') + '0\r\n\r\n';
  const answer = (socket, arrivalMs) => {
    socket.write(HEAD);
    let index = 0;
    const next = () => {
      if (socket.destroyed) return;
      const last = index === tokens - 1;
      socket.write(last ? tokenEvent(index, true) + usage : tokenEvent(index, false));
      index += 1;
      // Each token is due at an absolute time, so a late timer never delays the ones after it.
      if (!last) setTimeout(next, Math.max(0, arrivalMs + ttftMs + index * itlMs - performance.now()));
    };
    setTimeout(next, Math.max(0, arrivalMs + ttftMs - performance.now()));
  };
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('error', () => {});
    let pending = '';
    socket.on('data', (data) => {
      pending += data.toString('latin1');
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd === -1) return;
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(pending.slice(0, headEnd))?.[1] ?? 0);
        if (pending.length < headEnd + 4 + length) return;
        pending = pending.slice(headEnd + 4 + length);
        answer(socket, performance.now());
      }
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

/** Starts the server in a child process; resolves to its URL and a stop(). */
export function startExactServerProcess({ ttftMs, itlMs, tokens }) {
  return startServerProcess([fileURLToPath(import.meta.url), String(ttftMs), String(itlMs), String(tokens)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [ttftMs, itlMs, tokens] = process.argv.slice(2).map(Number);
  serve({ ttftMs, itlMs, tokens });
}
