import { Command, Option } from 'clipanion';
import { untilStopSignal } from '../interrupt.js';
import type { MockServerOptions } from '@aiperf/mock-server';

// One typed table for every knob: the flag, the library option it sets, its default and its help.
// Each flag can also come from the environment as MOCK_SERVER_<NAME> (e.g. MOCK_SERVER_TTFT_MS).
export interface FlagSpec {
  flag: string;
  option: keyof MockServerOptions;
  kind: 'number' | 'string' | 'list';
  description: string;
}

const flag = (name: string, option: keyof MockServerOptions, kind: FlagSpec['kind'], description: string): FlagSpec => ({
  flag: name,
  option,
  kind,
  description,
});

export const MOCK_SERVER_FLAGS: readonly FlagSpec[] = [
  flag('-p,--port', 'port', 'number', 'Port to listen on; 0 picks a free one (default 8000)'),
  flag('--host', 'host', 'string', 'Address to bind (default 127.0.0.1)'),
  flag('--max-body-bytes', 'maxBodyBytes', 'number', 'Larger request bodies are answered 413 without being read (default 33554432 = 32 MiB)'),
  flag('-t,--ttft-ms', 'ttftMs', 'number', 'Time to first token in ms (default 20)'),
  flag('--itl-ms', 'itlMs', 'number', 'Inter-token latency in ms (default 5)'),
  flag('--ttft-jitter-ms', 'ttftJitterMs', 'number', 'TTFT drawn uniformly from ttft ± this (default 0)'),
  flag('--itl-jitter-ms', 'itlJitterMs', 'number', 'Each token gap drawn uniformly from itl ± this (default 0)'),
  flag('--ttft-per-prompt-token-ms', 'ttftPerPromptTokenMs', 'number', 'Extra TTFT per prompt token, a prefill cost (default 0)'),
  flag('--itl-per-active-stream-ms', 'itlPerActiveStreamMs', 'number', 'Extra ITL per other active stream, a decode contention (default 0)'),
  flag('--seed', 'seed', 'number', 'Seed of output text, jitter and fault draws (default 0)'),
  flag('--models', 'models', 'list', 'Comma-separated model ids listed by /v1/models (default mock-model)'),
  flag('--default-output-tokens', 'defaultOutputTokens', 'number', 'Output length without max_tokens (default 0.8-1.2 x prompt, min 16)'),
  flag('--prompt-tokenizer', 'promptTokenizer', 'string', 'usage.prompt_tokens counted by: words, o200k_base, cl100k_base (default words)'),
  flag('--reasoning-tokens', 'reasoningTokens', 'number', 'reasoning_content tokens streamed before each chat answer (default 0)'),
  flag('--embedding-dimensions', 'embeddingDimensions', 'number', 'Embedding vector length (default 768)'),
  flag('--embedding-base-latency-ms', 'embeddingBaseLatencyMs', 'number', 'Embeddings latency base in ms (default 10)'),
  flag('--embedding-per-input-latency-ms', 'embeddingPerInputLatencyMs', 'number', 'Embeddings latency per input in ms (default 2)'),
  flag('--error-rate', 'errorRate', 'number', 'Fraction 0-1 of requests answered with an HTTP error (default 0)'),
  flag('--error-status', 'errorStatus', 'number', 'Status of injected errors (default 500)'),
  flag('--reset-after-tokens', 'resetAfterTokens', 'number', 'Cut the connection after this many streamed tokens (default off)'),
  flag('--reset-rate', 'resetRate', 'number', 'Fraction 0-1 of requests the reset applies to (default 1)'),
  flag('--malformed-sse-after-tokens', 'malformedSseAfterTokens', 'number', 'Write an invalid SSE event after this many tokens (default off)'),
  flag('--malformed-sse-rate', 'malformedSseRate', 'number', 'Fraction 0-1 of requests that get it (default 1)'),
  flag('--stall-ms', 'stallMs', 'number', 'Send no bytes for this long mid-stream (default 0 = off)'),
  flag('--stall-after-tokens', 'stallAfterTokens', 'number', 'Token count after which the stall happens (default 1)'),
  flag('--stall-rate', 'stallRate', 'number', 'Fraction 0-1 of requests that stall (default 1)'),
  flag('--header-delay-ms', 'headerDelayMs', 'number', 'Hold response headers back this long (default 0 = off)'),
  flag('--header-delay-rate', 'headerDelayRate', 'number', 'Fraction 0-1 of requests with slow headers (default 1)'),
  flag('--kv-cache-tokens', 'kvCacheTokens', 'number', 'Simulated KV-cache capacity in tokens behind vllm:kv_cache_usage_perc at /metrics (default 16384)'),
  flag('--metrics-reset-after-requests', 'metricsResetAfterRequests', 'number', 'Restart the /metrics counters once after this many completed requests, like a restarted server (default off)'),
  flag('--dcgm-port', 'dcgmPort', 'number', 'Also serve the GPU metrics alone on this port, e.g. 9400 (default off)'),
  flag('--dcgm-gpu', 'dcgmGpu', 'string', 'Simulated GPU: rtx6000, a100, h100, h100-sxm, h200, b200, gb200 (default h200)'),
  flag('--dcgm-num-gpus', 'dcgmNumGpus', 'number', 'Simulated GPUs per exporter, 1-8 (default 2)'),
  flag('--dcgm-seed', 'dcgmSeed', 'number', 'Seed of the GPU readings (default: --seed)'),
  flag('--dcgm-hostname', 'dcgmHostname', 'string', 'Hostname label of the GPU metrics (default localhost)'),
  flag('--dcgm-min-throughput', 'dcgmMinThroughput', 'number', 'Floor of the peak token rate, tokens/s (default 100)'),
  flag('--dcgm-window-sec', 'dcgmWindowSec', 'number', 'Sliding window of the GPU load, seconds (default 1)'),
];

const envName = (spec: FlagSpec) => `MOCK_SERVER_${spec.flag.split(',').at(-1)!.slice(2).replace(/-/g, '_').toUpperCase()}`;
const longFlag = (spec: FlagSpec) => spec.flag.split(',').at(-1)!;

/** Turns flag strings into library options, collecting every bad value. */
function toOptions(values: Record<string, string | undefined>): { options: MockServerOptions; errors: string[] } {
  const options: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const spec of MOCK_SERVER_FLAGS) {
    const text = values[spec.option];
    if (text === undefined) continue;
    if (spec.kind === 'string') options[spec.option] = text;
    else if (spec.kind === 'list') options[spec.option] = text.split(',').map((item) => item.trim()).filter(Boolean);
    else if (text.trim() === '' || !Number.isFinite(Number(text))) errors.push(`${longFlag(spec)}: got "${text}", expected a number`);
    else options[spec.option] = Number(text);
  }
  return { options: options as MockServerOptions, errors };
}

/** Library messages name the option (`ttftMs: …`); the CLI user knows the flag. */
function toFlagMessage(message: string): string {
  const spec = MOCK_SERVER_FLAGS.find((candidate) => message.startsWith(`${candidate.option}:`));
  return spec ? `${longFlag(spec)}${message.slice(spec.option.length)}` : message;
}

export class MockServerCommand extends Command {
  static override paths = [['mock-server']];
  static override usage = Command.Usage({
    description: 'Run a simulated OpenAI-compatible LLM server with vLLM-style metrics and DCGM-like GPU metrics.',
    details: `
      Serves /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models, /health, /mock/stats,
      vLLM-style server metrics at /metrics (following the simulated load) and DCGM-exporter GPU metrics at
      /dcgm1/metrics and /dcgm2/metrics (or at /metrics on --dcgm-port), with exact TTFT/ITL timing and optional fault injection. Every flag
      can also be set as MOCK_SERVER_<FLAG> (e.g. MOCK_SERVER_TTFT_MS=50). Stops on SIGINT/SIGTERM.
    `,
    examples: [
      ['Serve on port 8000 with 20 ms TTFT and 5 ms ITL', '$0 mock-server'],
      ['A slower server that degrades with concurrency', '$0 mock-server --ttft-ms 200 --itl-ms 20 --itl-per-active-stream-ms 0.5'],
    ],
  });

  fast = Option.Boolean('-f,--fast', false, { description: 'Zero all latencies (TTFT, ITL, embeddings)' });

  [key: string]: unknown;

  constructor() {
    super();
    for (const spec of MOCK_SERVER_FLAGS) {
      this[spec.option] = Option.String(spec.flag, { description: spec.description, env: envName(spec) });
    }
  }

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const { options, errors } = toOptions(this as unknown as Record<string, string | undefined>);
    if (this.fast) Object.assign(options, { ttftMs: 0, itlMs: 0, embeddingBaseLatencyMs: 0, embeddingPerInputLatencyMs: 0 });
    const { startMockServer, validateOptions } = await import('@aiperf/mock-server');
    errors.push(...validateOptions(options).map(toFlagMessage));
    if (errors.length > 0) {
      stderr.write(`aiperf mock-server: invalid options:\n  ${errors.join('\n  ')}\n`);
      return 2;
    }
    let server;
    try {
      server = await startMockServer(options);
    } catch (error) {
      stderr.write(`aiperf mock-server: cannot listen: ${(error as Error).message}\n`);
      return 1;
    }
    stdout.write(`Mock server listening on ${server.url}\n`);
    stdout.write(`  OpenAI API: ${server.url}/v1   server metrics: ${server.metricsUrl}   GPU metrics: ${server.dcgmUrl}   stats: ${server.url}/mock/stats\n`);
    const signal = await untilStopSignal();
    await server.close();
    stdout.write(`Mock server stopped (${signal})\n`);
    return 0;
  }
}
