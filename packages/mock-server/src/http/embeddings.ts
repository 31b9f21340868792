import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRng } from '@aiperf/stats';
import { contentText } from '../request.js';
import { hashString } from '../rng.js';
import { readBody, sendError, sendJson } from './io.js';
import { requestSignal, type ServerState } from './state.js';

/** A unit-length vector, deterministic from the input text and seed. */
export function embeddingOf(text: string, dimensions: number, seed: number): Float32Array {
  const rng = createRng(hashString(text, seed));
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (let index = 0; index < dimensions; index += 1) {
    const value = rng.next() * 2 - 1;
    vector[index] = value;
    norm += value * value;
  }
  const scale = 1 / Math.sqrt(norm || 1);
  for (let index = 0; index < dimensions; index += 1) vector[index] = vector[index]! * scale;
  return vector;
}

function inputsOf(body: unknown): string[] | undefined {
  // vLLM's chat embeddings: the input is chat messages, embedded as one text.
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (Array.isArray(messages)) return [messages.map((m) => contentText((m as { content?: unknown } | null)?.content)).join('\n')];
  const input = (body as { input?: unknown } | null)?.input;
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) return input.map((item) => (Array.isArray(item) ? item.join(' ') : String(item)));
  return undefined;
}

/** POST /v1/embeddings: latency = base + per input; `encoding_format: base64` is honoured (the openai client asks for it). */
export async function handleEmbeddings(state: ServerState, request: IncomingMessage, response: ServerResponse, arrivalMs: number) {
  state.stats.requests.total += 1;
  state.stats.requests.embeddings += 1;
  type Body = { model?: unknown; encoding_format?: unknown; dimensions?: unknown } | null;
  let body: Body;
  const text = await readBody(request, state.options.maxBodyBytes);
  try {
    body = JSON.parse(text) as Body;
  } catch {
    body = null;
  }
  const inputs = inputsOf(body);
  if (!inputs) {
    state.stats.requests.rejected += 1;
    sendError(response, 400, '`input` must be a string or an array of strings (or `messages` a list of chat messages)');
    return;
  }
  const { options } = state;
  const doneMs = arrivalMs + options.embeddingBaseLatencyMs + options.embeddingPerInputLatencyMs * inputs.length;
  const signal = requestSignal(state, (listener) => response.once('close', listener));
  if (!(await state.wakeups.until(doneMs, signal))) return;
  const base64 = body?.encoding_format === 'base64';
  // OpenAI's `dimensions` request field shortens the vectors; otherwise the server's setting applies.
  const requested = body?.dimensions;
  const dimensions = Number.isInteger(requested) && (requested as number) > 0 ? (requested as number) : options.embeddingDimensions;
  const data = inputs.map((text, index) => {
    const vector = embeddingOf(text, dimensions, options.seed);
    const embedding = base64 ? Buffer.from(vector.buffer).toString('base64') : Array.from(vector);
    return { object: 'embedding', index, embedding };
  });
  const promptTokens = inputs.reduce((sum, text) => sum + state.countPromptTokens(text), 0);
  state.stats.tokens.prompt += promptTokens;
  state.stats.requests.completed += 1;
  sendJson(response, 200, {
    object: 'list',
    data,
    model: typeof body?.model === 'string' ? body.model : 'mock-model',
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
