import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { DEFAULT_PLAN, type EventKind, type StreamPlan, chunkText, planEvents } from './plan.js';

/** What the server really did for one request, ms after the request arrived (monotonic clock). */
export interface StreamTruth {
  /** The `x-request-id` header, or null. */
  requestId: string | null;
  /** Sockets already open (accepted) when this request arrived. */
  openConnectionsAtArrival: number;
  /** Every write: what it carried and when `write()` was called. */
  writes: Array<{ kinds: EventKind[]; atMs: number }>;
  /** First reasoning or content write (null when none). */
  ttftMs: number | null;
  /** Last reasoning or content write: where AIPerf's request latency ends. */
  lastContentMs: number | null;
  /** (last − first token write) / (tokens − 1). */
  itlMs: number | null;
  outputTokens: number;
  reasoningTokens: number;
  promptTokens: number;
  reportedCompletionTokens: number;
  reportedPromptTokens: number;
}

export interface TimedSseServer {
  url: string;
  /** One entry per finished request, in finishing order. */
  readonly truths: StreamTruth[];
  truthFor(requestId: string): StreamTruth | undefined;
  /** Sockets accepted so far. */
  readonly connectionsAccepted: number;
  close(): Promise<void>;
}

export interface TimedSseServerOptions {
  port?: number;
  plan?: Partial<StreamPlan>;
  /** Per-request changes to the plan (e.g. a different TTFT for request n). */
  planFor?: (requestNumber: number, body: Record<string, unknown>) => Partial<StreamPlan>;
  /**
   * Hit each write time to well under a ms by spinning on event-loop turns for the last ms (default true). Off,
   * writes follow plain timers (up to ~1 ms late); with thousands of streams the spinning would cost more CPU
   * than the streams themselves. The logged truth is exact either way.
   */
  precise?: boolean;
}

/**
 * Serves `/v1/chat/completions` (streaming or not) exactly per the plan and records its true write times.
 * Hand-written on node:http on purpose: it is the independent reference the client is measured against.
 */
export async function startTimedSseServer(options: TimedSseServerOptions = {}): Promise<TimedSseServer> {
  const truths: StreamTruth[] = [];
  const byId = new Map<string, StreamTruth>();
  const sockets = new Set<Socket>();
  let accepted = 0;
  let requestNumber = 0;
  const server: Server = createServer((req, res) => {
    const arrivalNs = process.hrtime.bigint();
    // The log, for a client in another process (benchmarks): GET /truths.
    if (req.method === 'GET' && req.url === '/truths') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(truths));
      return;
    }
    // Only completions are served (and logged); a metrics scrape or a probe gets a plain 404.
    if (req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const openConnectionsAtArrival = sockets.size;
    const number = requestNumber++;
    readBody(req)
      .then(async (body) => {
        const plan = { ...DEFAULT_PLAN, ...options.plan, ...options.planFor?.(number, body) };
        const truth = await serve(plan, body, res, arrivalNs, options.precise ?? true);
        const finished = { requestId: header(req, 'x-request-id'), openConnectionsAtArrival, ...truth };
        truths.push(finished);
        if (finished.requestId) byId.set(finished.requestId, finished);
      })
      .catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    accepted += 1;
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    truths,
    truthFor: (id) => byId.get(id),
    get connectionsAccepted() {
      return accepted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const header = (req: IncomingMessage, name: string): string | null => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function promptText(body: Record<string, unknown>): string {
  const messages = body.messages as Array<{ content?: unknown }> | undefined;
  return (messages ?? []).map((m) => (typeof m.content === 'string' ? m.content : '')).join('');
}

type Truth = Omit<StreamTruth, 'requestId' | 'openConnectionsAtArrival'>;

async function serve(plan: StreamPlan, body: Record<string, unknown>, res: ServerResponse, arrivalNs: bigint, precise: boolean): Promise<Truth> {
  const sinceMs = () => Number(process.hrtime.bigint() - arrivalNs) / 1e6;
  const tokens = (plan.reasoningChunks + plan.contentChunks) * plan.tokensPerChunk;
  const promptTokens = encode(promptText(body)).length;
  const outputTokens = plan.contentChunks * plan.tokensPerChunk;
  const reasoningTokens = plan.reasoningChunks * plan.tokensPerChunk;
  const usage = {
    prompt_tokens: plan.reportPromptTokens(promptTokens),
    completion_tokens: plan.reportCompletionTokens(outputTokens + reasoningTokens),
    total_tokens: 0,
    ...(reasoningTokens > 0 ? { completion_tokens_details: { reasoning_tokens: reasoningTokens } } : {}),
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const truth: Truth = {
    writes: [], ttftMs: null, lastContentMs: null, itlMs: null, outputTokens, reasoningTokens, promptTokens,
    reportedCompletionTokens: usage.completion_tokens, reportedPromptTokens: usage.prompt_tokens,
  };
  const base = { id: 'chatcmpl-timed', object: 'chat.completion.chunk', created: 0, model: String(body.model ?? 'timed') };
  if (body.stream !== true) {
    await sleep(plan.ttftMs + Math.max(0, tokens / plan.tokensPerChunk - 1) * plan.itlMs);
    const text = Array.from({ length: plan.contentChunks }, (_, i) => chunkText(plan.reasoningChunks + i, plan.tokensPerChunk)).join('');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage }));
    truth.ttftMs = truth.lastContentMs = sinceMs();
    truth.writes.push({ kinds: ['content'], atMs: truth.ttftMs });
    return truth;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const data = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;
  const delta = (d: Record<string, unknown>, finish: string | null = null) => data({ ...base, choices: [{ index: 0, delta: d, finish_reason: finish }] });
  let tokenChunk = 0;
  const render = (kind: EventKind): string => {
    switch (kind) {
      case 'role': return delta({ role: 'assistant', content: '' });
      case 'ping': return ': ping\n\n';
      case 'empty': return delta({});
      case 'reasoning': return delta({ reasoning_content: chunkText(tokenChunk++, plan.tokensPerChunk) });
      case 'content': return delta({ content: chunkText(tokenChunk++, plan.tokensPerChunk) });
      case 'finish': return delta({}, 'stop');
      case 'usage': return data({ ...base, choices: [], usage });
      case 'done': return 'data: [DONE]\n\n';
    }
  };
  const events = planEvents(plan);
  // Each write is timed from the previous actual write, so a late timer delays what follows instead of
  // squeezing the next gap: the gaps stay as planned.
  let driftMs = 0;
  for (let i = 0; i < events.length; ) {
    let j = i + 1;
    while (j < events.length && events[j]!.joinPrevious) j++;
    const group = events.slice(i, j);
    await waitUntil(group[0]!.atMs + driftMs, sinceMs, precise);
    const atMs = sinceMs();
    driftMs = atMs - group[0]!.atMs;
    res.write(group.map((e) => render(e.kind)).join(''));
    truth.writes.push({ kinds: group.map((e) => e.kind), atMs });
    if (group.some((e) => e.kind === 'content' || e.kind === 'reasoning')) {
      truth.ttftMs ??= atMs;
      truth.lastContentMs = atMs;
    }
    i = j;
  }
  res.end();
  if (truth.ttftMs !== null && truth.lastContentMs !== null && tokens >= 2) {
    truth.itlMs = (truth.lastContentMs - truth.ttftMs) / (tokens - 1);
  }
  return truth;
}

/**
 * Waits until `sinceMs()` reaches `targetMs`. Timers fire against the loop's cached clock and can be up to ~1 ms
 * early or late, so the timer covers all but the last millisecond and event-loop turns cover the rest.
 */
async function waitUntil(targetMs: number, sinceMs: () => number, precise: boolean): Promise<void> {
  const remainingMs = targetMs - sinceMs();
  if (!precise) {
    if (remainingMs > 0) await sleep(remainingMs);
    return;
  }
  if (remainingMs > 1.5) await sleep(remainingMs - 1);
  while (sinceMs() < targetMs) await nextTurn();
}
