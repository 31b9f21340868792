import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROMETHEUS_CONTENT_TYPE, renderDcgmMetrics } from '../dcgm/exposition.js';
import { copyStats, resetStats } from '../stats.js';
import { handleCompletion } from './completions.js';
import { handleEmbeddings } from './embeddings.js';
import { handleRankings } from './rankings.js';
import { nowMs, PayloadTooLargeError, sendError, sendJson } from './io.js';
import type { ServerState } from './state.js';

type Handler = (state: ServerState, request: IncomingMessage, response: ServerResponse, arrivalMs: number) => unknown;

function sendMetrics(state: ServerState, fakerIndex: number, response: ServerResponse): void {
  const faker = state.dcgm[fakerIndex]!;
  const atMs = nowMs();
  sendText(response, renderDcgmMetrics(faker.scrape(state.meter.tokensPerSecond(atMs), atMs)));
}

function sendText(response: ServerResponse, text: string): void {
  response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Every route, keyed by `METHOD path`. */
const ROUTES: Record<string, Handler> = {
  'POST /v1/chat/completions': (state, request, response, arrivalMs) =>
    handleCompletion(state, 'chat', request, response, arrivalMs),
  'POST /v1/completions': (state, request, response, arrivalMs) =>
    handleCompletion(state, 'completions', request, response, arrivalMs),
  'POST /v1/embeddings': handleEmbeddings,
  'POST /v1/messages': (state, request, response, arrivalMs) => handleCompletion(state, 'messages', request, response, arrivalMs),
  'POST /v1/responses': (state, request, response, arrivalMs) => handleCompletion(state, 'responses', request, response, arrivalMs),
  'POST /generate': (state, request, response, arrivalMs) => handleCompletion(state, 'generate', request, response, arrivalMs),
  'POST /v1/ranking': (state, request, response, arrivalMs) => handleRankings('nim', state, request, response, arrivalMs),
  'POST /rerank': (state, request, response, arrivalMs) => handleRankings('tei', state, request, response, arrivalMs),
  'POST /v1/rerank': (state, request, response, arrivalMs) => handleRankings('cohere', state, request, response, arrivalMs),
  'POST /v2/rerank': (state, request, response, arrivalMs) => handleRankings('cohere', state, request, response, arrivalMs),
  'POST /generate_stream': (state, request, response, arrivalMs) => handleCompletion(state, 'generate', request, response, arrivalMs, true),
  'GET /v1/models': (state, _request, response) =>
    sendJson(response, 200, {
      object: 'list',
      data: state.options.models.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'aiperf-mock' })),
    }),
  'GET /health': (state, _request, response) => sendJson(response, 200, { status: 'ok', config: state.options }),
  'GET /': (_state, _request, response) =>
    sendJson(response, 200, { name: 'aiperf mock server', endpoints: Object.keys(ROUTES) }),
  'GET /mock/stats': (state, _request, response) => sendJson(response, 200, copyStats(state.stats)),
  'DELETE /mock/stats': (state, _request, response) => {
    resetStats(state.stats);
    sendJson(response, 200, copyStats(state.stats));
  },
  'GET /metrics': (state, _request, response) => sendText(response, state.vllm.render()),
  'POST /mock/metrics/reset': (state, _request, response) => {
    state.vllm.reset();
    sendJson(response, 200, { reset: true });
  },
  'GET /dcgm1/metrics': (state, _request, response) => sendMetrics(state, 0, response),
  'GET /dcgm2/metrics': (state, _request, response) => sendMetrics(state, 1, response),
};

/** The separate DCGM port (`dcgmPort`) serves only the GPU metrics, at /metrics like a real dcgm-exporter. */
const DCGM_ROUTES: Record<string, Handler> = {
  'GET /metrics': (state, _request, response) => sendMetrics(state, 0, response),
  ...Object.fromEntries(Object.entries(ROUTES).filter(([key]) => key.startsWith('GET /dcgm'))),
};

export type RouteTable = 'all' | 'dcgm';

export function route(state: ServerState, table: RouteTable, request: IncomingMessage, response: ServerResponse): void {
  const arrivalMs = nowMs();
  const routes = table === 'all' ? ROUTES : DCGM_ROUTES;
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const handler = routes[`${request.method} ${path}`];
  if (!handler) {
    request.resume();
    if (Object.keys(routes).some((key) => key.endsWith(` ${path}`))) sendError(response, 405, `method ${request.method} is not allowed on ${path}`);
    else sendError(response, 404, `no route for ${request.method} ${path}`);
    return;
  }
  Promise.resolve(handler(state, request, response, arrivalMs)).catch((error: unknown) => {
    if (error instanceof PayloadTooLargeError && !response.headersSent) {
      // The rest of the body is never read: answer, then close instead of draining it.
      response.setHeader('connection', 'close');
      sendError(response, 413, error.message);
      request.unpipe();
      response.on('finish', () => request.socket.destroySoon());
      return;
    }
    if (!response.headersSent) sendError(response, 500, `mock server bug: ${String(error)}`, 'server_error');
    else response.destroy();
  });
}
