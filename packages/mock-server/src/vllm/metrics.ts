// vLLM-style Prometheus metrics that follow the mock's simulated load, served at GET /metrics like a vLLM
// server: running/waiting requests, KV-cache usage (tokens held by active requests over a capacity, so it rises
// with concurrency), prefix-cache queries/hits (16-token blocks seen before), token and request counters,
// preemptions, and TTFT/ITL/e2e/queue histograms of exactly what the mock serves. `reset()` simulates a
// server restart (counters and histograms back to zero).
import { floatText, Histogram } from './histogram.js';

const TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0];
const ITL_BUCKETS = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0];
const REQUEST_BUCKETS = [0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0];
const BLOCK_TOKENS = 16;
const MAX_REMEMBERED_BLOCKS = 200_000;

export interface VllmMetricsOptions {
  modelName: string;
  /** Simulated KV-cache capacity in tokens. */
  kvCacheTokens: number;
}

/** One request as the simulated engine sees it. */
export interface TrackedRequest {
  /** Leaves the queue (after any header delay) and starts running. */
  started(queueMs: number): void;
  firstToken(ttftMs: number): void;
  tokenGap(gapMs: number): void;
  tokens(count: number): void;
  finished(reason: 'stop' | 'length' | 'abort', e2eMs: number): void;
}

export class VllmMetrics {
  private waiting = 0;
  private running = 0;
  private kvTokens = 0;
  private counters = zeroCounters();
  private histograms = newHistograms();
  private readonly blocks = new Set<string>();
  private readonly labels: string;
  private readonly createdSeconds = Date.now() / 1000;

  constructor(private readonly options: VllmMetricsOptions) {
    this.labels = `engine="0",model_name="${options.modelName.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }

  /** A request arrived with this prompt: it waits until `started()`. */
  track(promptText: string, promptTokens: number): TrackedRequest {
    this.waiting += 1;
    let held = 0;
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const hold = (tokens: number) => {
      const capacity = this.options.kvCacheTokens;
      // Crossing a full cache: vLLM preempts a running request to make room (counted, not simulated further).
      if (this.kvTokens <= capacity && this.kvTokens + tokens > capacity) this.counters.num_preemptions += 1;
      held += tokens;
      this.kvTokens += tokens;
    };
    return {
      started: (queueMs) => {
        if (state !== 'waiting') return;
        state = 'running';
        this.waiting -= 1;
        this.running += 1;
        this.histograms.queue.observe(queueMs / 1000);
        this.countPrefix(promptText, promptTokens);
        this.counters.prompt_tokens += promptTokens;
        hold(promptTokens);
      },
      firstToken: (ttftMs) => this.histograms.ttft.observe(ttftMs / 1000),
      tokenGap: (gapMs) => this.histograms.itl.observe(gapMs / 1000),
      tokens: (count) => {
        this.counters.generation_tokens += count;
        hold(count);
      },
      finished: (reason, e2eMs) => {
        if (state === 'done') return;
        if (state === 'waiting') this.waiting -= 1;
        else this.running -= 1;
        state = 'done';
        this.kvTokens -= held;
        held = 0;
        if (reason === 'abort') return;
        this.counters[`request_success_${reason}`] += 1;
        this.histograms.e2e.observe(e2eMs / 1000);
      },
    };
  }

  /** A simulated server restart: every counter and histogram starts again from zero. */
  reset(): void {
    this.counters = zeroCounters();
    this.histograms = newHistograms();
  }

  private countPrefix(promptText: string, promptTokens: number): void {
    this.counters.prefix_cache_queries += promptTokens;
    const words = promptText.split(/\s+/).filter((word) => word !== '');
    // Each block is identified by a hash chained over the blocks before it (as vLLM hashes blocks), so the work
    // stays linear in the prompt length however long the prefix grows.
    let chain = 2166136261;
    let hitBlocks = 0;
    let stillHitting = true;
    for (let start = 0; start + BLOCK_TOKENS <= words.length; start += BLOCK_TOKENS) {
      chain = fnv1a(words.slice(start, start + BLOCK_TOKENS).join(' '), chain);
      const key = `${chain}:${start}`;
      if (stillHitting && this.blocks.has(key)) hitBlocks += 1;
      else stillHitting = false;
      if (this.blocks.size >= MAX_REMEMBERED_BLOCKS) this.blocks.clear();
      this.blocks.add(key);
    }
    this.counters.prefix_cache_hits += Math.min(promptTokens, hitBlocks * BLOCK_TOKENS);
  }

  /** The exposition text (Prometheus text format 0.0.4, as vLLM's prometheus_client writes it). */
  render(): string {
    const l = this.labels;
    const c = this.counters;
    const kvUsage = Math.min(1, this.kvTokens / this.options.kvCacheTokens);
    const lines = [
      ...gauge('vllm:num_requests_running', 'Number of requests in model execution batches.', [[l, this.running]]),
      ...gauge('vllm:num_requests_waiting', 'Number of requests waiting to be processed.', [[l, this.waiting]]),
      ...gauge('vllm:kv_cache_usage_perc', 'KV-cache usage. 1 means 100 percent usage.', [[l, kvUsage]]),
      ...this.counter('vllm:num_preemptions', 'Cumulative number of preemption from the engine.', [[l, c.num_preemptions]]),
      ...this.counter('vllm:prefix_cache_queries', 'Prefix cache queries, in terms of number of queried tokens.', [[l, c.prefix_cache_queries]]),
      ...this.counter('vllm:prefix_cache_hits', 'Prefix cache hits, in terms of number of cached tokens.', [[l, c.prefix_cache_hits]]),
      ...this.counter('vllm:prompt_tokens', 'Number of prefill tokens processed.', [[l, c.prompt_tokens]]),
      ...this.counter('vllm:generation_tokens', 'Number of generation tokens processed.', [[l, c.generation_tokens]]),
      ...this.counter('vllm:request_success', 'Count of successfully processed requests.', [
        [`${l},finished_reason="stop"`, c.request_success_stop],
        [`${l},finished_reason="length"`, c.request_success_length],
      ]),
      ...histogram('vllm:time_to_first_token_seconds', 'Histogram of time to first token in seconds.', this.histograms.ttft, l),
      ...histogram('vllm:inter_token_latency_seconds', 'Histogram of inter-token latency in seconds.', this.histograms.itl, l),
      ...histogram('vllm:e2e_request_latency_seconds', 'Histogram of e2e request latency in seconds.', this.histograms.e2e, l),
      ...histogram('vllm:request_queue_time_seconds', 'Histogram of time spent in WAITING phase for request.', this.histograms.queue, l),
    ];
    return `${lines.join('\n')}\n`;
  }

  private counter(name: string, help: string, series: [string, number][]): string[] {
    return [
      `# HELP ${name}_total ${help}`, `# TYPE ${name}_total counter`,
      ...series.map(([labels, value]) => `${name}_total{${labels}} ${floatText(value)}`),
      `# HELP ${name}_created ${help}`, `# TYPE ${name}_created gauge`,
      ...series.map(([labels]) => `${name}_created{${labels}} ${this.createdSeconds}`),
    ];
  }
}

/** 32-bit FNV-1a of `text`, continuing from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash;
}

function gauge(name: string, help: string, series: [string, number][]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...series.map(([labels, value]) => `${name}{${labels}} ${floatText(value)}`)];
}

function histogram(name: string, help: string, values: Histogram, labels: string): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`, ...values.lines(name, labels)];
}

function zeroCounters() {
  return { num_preemptions: 0, prefix_cache_queries: 0, prefix_cache_hits: 0, prompt_tokens: 0, generation_tokens: 0, request_success_stop: 0, request_success_length: 0 };
}

function newHistograms() {
  return { ttft: new Histogram(TTFT_BUCKETS), itl: new Histogram(ITL_BUCKETS), e2e: new Histogram(REQUEST_BUCKETS), queue: new Histogram(REQUEST_BUCKETS) };
}
