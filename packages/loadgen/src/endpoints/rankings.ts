import type { BenchmarkConfig } from '@aiperf/config';
import { parseEmbeddings } from './openai.js';
import { type EndpointType, type ParsedResponse, type RequestInput, isRecord, parseUsage } from './types.js';

/**
 * Rankings (rerank) endpoint types: one query and its passages in, a score per passage out. Three wire shapes:
 * NIM (`/v1/ranking`), Hugging Face TEI (`/rerank`) and Cohere (`/v2/rerank`, also served by vLLM). They do not
 * stream and produce no tokens: latency and throughput are what they measure.
 */
const rankingsBase = {
  supportsStreaming: false,
  producesTokens: false,
  metricsTitle: 'Rankings Metrics',
  usesPassages: true,
  validate: (config: BenchmarkConfig): string[] =>
    config.endpoint.streaming ? [`--streaming: endpoint type "${config.endpoint.type}" does not stream (rankings answer in one body); drop --streaming`] : [],
} as const;

const passagesOf = (input: RequestInput) => [...(input.passages ?? [])];
const scored = (json: unknown, list: unknown): ParsedResponse | null =>
  Array.isArray(list) ? { text: '', reasoning: '', usage: parseUsage(json) } : null;

export const nimRankingsEndpoint: EndpointType = {
  ...rankingsBase,
  name: 'nim_rankings',
  defaultPath: '/v1/ranking',
  buildBody: (input) => ({
    model: input.model,
    query: { text: input.prompt },
    passages: passagesOf(input).map((text) => ({ text })),
    ...input.extraInputs,
  }),
  parseResponse: (json) => (isRecord(json) ? scored(json, json.rankings) : null),
};

export const hfTeiRankingsEndpoint: EndpointType = {
  ...rankingsBase,
  name: 'hf_tei_rankings',
  defaultPath: '/rerank',
  // TEI serves one model: the body names none.
  buildBody: (input) => ({ query: input.prompt, texts: passagesOf(input), ...input.extraInputs }),
  parseResponse: (json) => scored(null, json),
};

export const cohereRankingsEndpoint: EndpointType = {
  ...rankingsBase,
  name: 'cohere_rankings',
  defaultPath: '/v2/rerank',
  buildBody: (input) => ({ model: input.model, query: input.prompt, documents: passagesOf(input), ...input.extraInputs }),
  parseResponse: (json) => (isRecord(json) ? scored(json, json.results) : null),
};

/** vLLM's chat embeddings: an embeddings request whose input is chat messages (for multimodal embedding models). */
export const chatEmbeddingsEndpoint: EndpointType = {
  name: 'chat_embeddings',
  defaultPath: '/v1/embeddings',
  supportsStreaming: false,
  producesTokens: false,
  metricsTitle: 'Embeddings Metrics',
  buildBody: (input) => ({
    model: input.model,
    messages: [{ role: 'user', content: input.prompt }],
    encoding_format: 'float',
    ...input.extraInputs,
  }),
  parseResponse: parseEmbeddings,
};
