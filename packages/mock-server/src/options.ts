import type { GpuPresetName } from './dcgm/presets.js';
import type { PromptTokenizerName } from './tokenizer.js';

/** Big enough for long prompts and base64 images; small enough that a hostile client cannot exhaust memory. */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Everything `startMockServer` can be told. Times are milliseconds, rates are fractions in [0, 1]. */
export interface MockServerOptions {
  /** 0 = pick a free port (tests). Default 8000. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Request bodies larger than this are answered 413 without being read. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Time to first token. Default 20. */
  ttftMs?: number;
  /** Gap between streamed tokens. Default 5. */
  itlMs?: number;
  /** Each request's TTFT is drawn uniformly from ttftMs ± ttftJitterMs. Default 0. */
  ttftJitterMs?: number;
  /** Each token gap is drawn uniformly from itlMs ± itlJitterMs. Default 0. */
  itlJitterMs?: number;
  /** Prefill cost: TTFT grows by this much per prompt token. Default 0. */
  ttftPerPromptTokenMs?: number;
  /** Decode contention: ITL grows by this much per other concurrently active stream. Default 0. */
  itlPerActiveStreamMs?: number;
  /** Batch limit (vLLM's max_num_seqs): requests beyond this many in service queue before prefill. Default 0 = none. */
  maxNumSeqs?: number;
  /** Seeds output text, jitter and fault draws. Default 0. */
  seed?: number;
  /** Model ids listed by GET /v1/models. Default ['mock-model']. */
  models?: string[];
  /** Output length when a request sets no max tokens; default: 0.8–1.2 × prompt tokens, at least 16. */
  defaultOutputTokens?: number;
  /** How usage.prompt_tokens is counted: 'words' (default, cheap), or exactly with 'o200k_base' / 'cl100k_base'. */
  promptTokenizer?: PromptTokenizerName;
  /** Reasoning tokens emitted (as `reasoning_content`) before the answer in chat responses. Default 0. */
  reasoningTokens?: number;
  /** Embedding vector length. Default 768. */
  embeddingDimensions?: number;
  /** Embeddings latency = base + perInput × inputs. Defaults 10 and 2. */
  embeddingBaseLatencyMs?: number;
  embeddingPerInputLatencyMs?: number;
  /** Fraction of requests answered with an HTTP error. Default 0. */
  errorRate?: number;
  /** Status code of injected errors. Default 500. */
  errorStatus?: number;
  /** Streams cut (socket destroyed) after this many tokens; applies to resetRate of requests. */
  resetAfterTokens?: number;
  resetRate?: number;
  /** A malformed SSE line is written after this many tokens; applies to malformedSseRate of requests. */
  malformedSseAfterTokens?: number;
  malformedSseRate?: number;
  /** No bytes for stallMs after stallAfterTokens tokens (default 1); applies to stallRate of requests. */
  stallMs?: number;
  stallAfterTokens?: number;
  stallRate?: number;
  /** Response headers are held back for headerDelayMs; applies to headerDelayRate of requests. */
  headerDelayMs?: number;
  headerDelayRate?: number;
  /** vLLM-style metrics at GET /metrics: simulated KV-cache capacity in tokens (usage = tokens held by active requests / this). Default 16384. */
  kvCacheTokens?: number;
  /** Simulate a server restart once, after this many completed requests: /metrics counters and histograms restart from 0. Default 0 = never. */
  metricsResetAfterRequests?: number;
  /** Also serve the DCGM metrics alone on this port (0 = a free one), like a dcgm-exporter on :9400. Default: off. */
  dcgmPort?: number;
  /** DCGM faker: GPU preset, GPU count, seed (default: seed), Hostname label. */
  dcgmGpu?: GpuPresetName;
  dcgmNumGpus?: number;
  dcgmSeed?: number;
  dcgmHostname?: string;
  /** Load = token rate over the last dcgmWindowSec / max(peak seen, dcgmMinThroughput tok/s). */
  dcgmMinThroughput?: number;
  dcgmWindowSec?: number;
}

export type ResolvedOptions = Required<Omit<MockServerOptions, 'defaultOutputTokens' | 'dcgmSeed' | 'dcgmPort'>> & {
  defaultOutputTokens: number | undefined;
  dcgmPort: number | undefined;
  dcgmSeed: number;
};

/**
 * The default of every option that has a plain one (the `aiperf mock-server` flag table shows these in its help).
 * `defaultOutputTokens` (0.8–1.2 × prompt tokens, at least 16), `dcgmPort` (off) and `dcgmSeed` (= seed) have none.
 */
export const MOCK_SERVER_DEFAULTS = {
  port: 8000,
  host: '127.0.0.1',
  ttftMs: 20,
  itlMs: 5,
  ttftJitterMs: 0,
  itlJitterMs: 0,
  ttftPerPromptTokenMs: 0,
  itlPerActiveStreamMs: 0,
  /** 0 = no limit. */
  maxNumSeqs: 0,
  seed: 0,
  models: ['mock-model'],
  promptTokenizer: 'words',
  reasoningTokens: 0,
  embeddingDimensions: 768,
  embeddingBaseLatencyMs: 10,
  embeddingPerInputLatencyMs: 2,
  errorRate: 0,
  errorStatus: 500,
  /** -1 = never. */
  resetAfterTokens: -1,
  resetRate: 1,
  /** -1 = never. */
  malformedSseAfterTokens: -1,
  malformedSseRate: 1,
  /** 0 = off. */
  stallMs: 0,
  stallAfterTokens: 1,
  stallRate: 1,
  /** 0 = off. */
  headerDelayMs: 0,
  headerDelayRate: 1,
  kvCacheTokens: 16384,
  /** 0 = never. */
  metricsResetAfterRequests: 0,
  dcgmGpu: 'h200',
  dcgmNumGpus: 2,
  dcgmHostname: 'localhost',
  dcgmMinThroughput: 100,
  dcgmWindowSec: 1,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
} as const satisfies Omit<ResolvedOptions, 'defaultOutputTokens' | 'dcgmPort' | 'dcgmSeed'>;

export function withDefaults(options: MockServerOptions): ResolvedOptions {
  const seed = options.seed ?? MOCK_SERVER_DEFAULTS.seed;
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as MockServerOptions;
  return {
    ...MOCK_SERVER_DEFAULTS,
    models: [...MOCK_SERVER_DEFAULTS.models],
    ...defined,
    seed,
    defaultOutputTokens: options.defaultOutputTokens,
    dcgmPort: options.dcgmPort,
    dcgmSeed: options.dcgmSeed ?? seed,
  };
}
