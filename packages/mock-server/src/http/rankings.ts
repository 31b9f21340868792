import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../request.js';
import { embeddingOf } from './embeddings.js';
import { readBody, sendError, sendJson } from './io.js';
import { requestSignal, type ServerState } from './state.js';

/** The three rerank APIs the server speaks: NIM (/v1/ranking), Hugging Face TEI (/rerank), Cohere (/v2/rerank). */
export type RankingsApi = 'nim' | 'tei' | 'cohere';

type Parsed = { query: string; passages: string[]; model: string } | { error: string };

const texts = (list: unknown, pick: (item: unknown) => unknown): string[] | null =>
  Array.isArray(list) && list.every((item) => typeof pick(item) === 'string') ? list.map((item) => pick(item) as string) : null;

function parse(api: RankingsApi, body: unknown): Parsed {
  if (!isRecord(body)) return { error: 'the request body must be a JSON object' };
  const model = typeof body.model === 'string' ? body.model : 'mock-model';
  if (api === 'nim') {
    const query = isRecord(body.query) ? body.query.text : undefined;
    const passages = texts(body.passages, (p) => (isRecord(p) ? p.text : undefined));
    if (typeof query !== 'string' || !passages) return { error: '`query` must be {"text": …} and `passages` a list of {"text": …}' };
    return { query, passages, model };
  }
  const list = api === 'tei' ? body.texts : body.documents;
  // Cohere documents may be strings or {text} objects.
  const passages = texts(list, (d) => (isRecord(d) ? d.text : d));
  if (typeof body.query !== 'string' || !passages) return { error: `\`query\` must be a string and \`${api === 'tei' ? 'texts' : 'documents'}\` a list of strings` };
  return { query: body.query, passages, model };
}

/** Relevance as the cosine of deterministic embeddings of query and passage, in [0, 1]. */
function relevance(query: number[] | Float32Array, passage: string, seed: number): number {
  const vector = embeddingOf(passage, query.length, seed);
  let dot = 0;
  for (let i = 0; i < vector.length; i += 1) dot += vector[i]! * query[i]!;
  return (dot + 1) / 2;
}

/** A rerank request: latency = embedding base + per passage; the answer in the API's own shape, best first. */
export async function handleRankings(api: RankingsApi, state: ServerState, request: IncomingMessage, response: ServerResponse, arrivalMs: number) {
  state.stats.requests.total += 1;
  state.stats.requests.rankings += 1;
  let body: unknown = null;
  try {
    body = JSON.parse(await readBody(request, state.options.maxBodyBytes));
  } catch {}
  const parsed = parse(api, body);
  if ('error' in parsed) {
    state.stats.requests.rejected += 1;
    sendError(response, 400, parsed.error);
    return;
  }
  const { options } = state;
  const doneMs = arrivalMs + options.embeddingBaseLatencyMs + options.embeddingPerInputLatencyMs * parsed.passages.length;
  if (!(await state.wakeups.until(doneMs, requestSignal(state, (listener) => response.once('close', listener))))) return;
  const query = embeddingOf(parsed.query, 32, options.seed);
  const scores = parsed.passages.map((passage, index) => ({ index, score: relevance(query, passage, options.seed) })).sort((a, b) => b.score - a.score);
  const promptTokens = [parsed.query, ...parsed.passages].reduce((sum, text) => sum + state.countPromptTokens(text), 0);
  state.stats.tokens.prompt += promptTokens;
  state.stats.requests.completed += 1;
  if (api === 'tei') return sendJson(response, 200, scores);
  if (api === 'nim') return sendJson(response, 200, { rankings: scores.map(({ index, score }) => ({ index, logit: Math.log(score / (1 - score + 1e-9)) })) });
  sendJson(response, 200, {
    id: `rerank-mock${state.stats.requests.rankings}`,
    results: scores.map(({ index, score }) => ({ index, relevance_score: score })),
    meta: { billed_units: { search_units: 1 } },
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
