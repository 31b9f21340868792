import { MOCK_SERVER_DEFAULTS, type MockServerOptions } from './options.js';

/** One `aiperf mock-server` flag: the option it sets, how its text is read, and its help. */
export interface MockServerFlag {
  /** clipanion names, e.g. `-p,--port`. */
  flag: string;
  option: keyof MockServerOptions;
  kind: 'number' | 'string' | 'list';
  /** Placeholder shown in help, e.g. `<ms>`. */
  valueName: string;
  description: string;
  /** For options whose default is not one value in MOCK_SERVER_DEFAULTS. */
  defaultText?: string;
}

const flag = (name: string, option: keyof MockServerOptions, kind: MockServerFlag['kind'], valueName: string, description: string, defaultText?: string): MockServerFlag => ({
  flag: name,
  option,
  kind,
  valueName,
  description,
  ...(defaultText === undefined ? {} : { defaultText }),
});

/** Every option as a flag (a test checks that none is missing); help shows the defaults from MOCK_SERVER_DEFAULTS. */
export const MOCK_SERVER_FLAGS: readonly MockServerFlag[] = [
  flag('-p,--port', 'port', 'number', '<port>', 'Port to listen on; 0 picks a free one'),
  flag('--host', 'host', 'string', '<address>', 'Address to bind'),
  flag('--max-body-bytes', 'maxBodyBytes', 'number', '<bytes>', 'Larger request bodies are answered 413 without being read', '33554432 = 32 MiB'),
  flag('-t,--ttft-ms', 'ttftMs', 'number', '<ms>', 'Time to first token in ms'),
  flag('--itl-ms', 'itlMs', 'number', '<ms>', 'Inter-token latency in ms'),
  flag('--ttft-jitter-ms', 'ttftJitterMs', 'number', '<ms>', 'TTFT drawn uniformly from ttft ± this'),
  flag('--itl-jitter-ms', 'itlJitterMs', 'number', '<ms>', 'Each token gap drawn uniformly from itl ± this'),
  flag('--ttft-per-prompt-token-ms', 'ttftPerPromptTokenMs', 'number', '<ms>', 'Extra TTFT per prompt token, a prefill cost'),
  flag('--itl-per-active-stream-ms', 'itlPerActiveStreamMs', 'number', '<ms>', 'Extra ITL per other active stream, a decode contention'),
  flag('--max-num-seqs', 'maxNumSeqs', 'number', '<n>', 'Batch limit: requests beyond this many in service wait before prefill (TTFT climbs, throughput saturates); 0 = none'),
  flag('--seed', 'seed', 'number', '<n>', 'Seed of output text, jitter and fault draws'),
  flag('--models', 'models', 'list', '<id,…>', 'Comma-separated model ids listed by /v1/models'),
  flag('--default-output-tokens', 'defaultOutputTokens', 'number', '<tokens>', 'Output length without max_tokens', '0.8-1.2 x prompt, min 16'),
  flag('--prompt-tokenizer', 'promptTokenizer', 'string', '<words|o200k_base|cl100k_base>', 'How usage.prompt_tokens is counted'),
  flag('--reasoning-tokens', 'reasoningTokens', 'number', '<tokens>', 'reasoning_content tokens streamed before each chat answer'),
  flag('--embedding-dimensions', 'embeddingDimensions', 'number', '<n>', 'Embedding vector length'),
  flag('--embedding-base-latency-ms', 'embeddingBaseLatencyMs', 'number', '<ms>', 'Embeddings latency base in ms'),
  flag('--embedding-per-input-latency-ms', 'embeddingPerInputLatencyMs', 'number', '<ms>', 'Embeddings latency per input in ms'),
  flag('--error-rate', 'errorRate', 'number', '<0..1>', 'Fraction of requests answered with an HTTP error'),
  flag('--error-status', 'errorStatus', 'number', '<status>', 'Status of injected errors'),
  flag('--reset-after-tokens', 'resetAfterTokens', 'number', '<tokens>', 'Cut the connection after this many streamed tokens', 'off'),
  flag('--reset-rate', 'resetRate', 'number', '<0..1>', 'Fraction of requests the reset applies to'),
  flag('--malformed-sse-after-tokens', 'malformedSseAfterTokens', 'number', '<tokens>', 'Write an invalid SSE event after this many tokens', 'off'),
  flag('--malformed-sse-rate', 'malformedSseRate', 'number', '<0..1>', 'Fraction of requests that get it'),
  flag('--stall-ms', 'stallMs', 'number', '<ms>', 'Send no bytes for this long mid-stream', '0 = off'),
  flag('--stall-after-tokens', 'stallAfterTokens', 'number', '<tokens>', 'Token count after which the stall happens'),
  flag('--stall-rate', 'stallRate', 'number', '<0..1>', 'Fraction of requests that stall'),
  flag('--header-delay-ms', 'headerDelayMs', 'number', '<ms>', 'Hold response headers back this long', '0 = off'),
  flag('--header-delay-rate', 'headerDelayRate', 'number', '<0..1>', 'Fraction of requests with slow headers'),
  flag('--kv-cache-tokens', 'kvCacheTokens', 'number', '<tokens>', 'Simulated KV-cache capacity in tokens behind vllm:kv_cache_usage_perc at /metrics'),
  flag('--metrics-reset-after-requests', 'metricsResetAfterRequests', 'number', '<n>', 'Restart the /metrics counters once after this many completed requests, like a restarted server', 'off'),
  flag('--dcgm-port', 'dcgmPort', 'number', '<port>', 'Also serve the GPU metrics alone on this port, e.g. 9400', 'off'),
  flag('--dcgm-gpu', 'dcgmGpu', 'string', '<preset>', 'Simulated GPU: rtx6000, a100, h100, h100-sxm, h200, b200, gb200'),
  flag('--dcgm-num-gpus', 'dcgmNumGpus', 'number', '<1..8>', 'Simulated GPUs per exporter'),
  flag('--dcgm-seed', 'dcgmSeed', 'number', '<n>', 'Seed of the GPU readings', '--seed'),
  flag('--dcgm-hostname', 'dcgmHostname', 'string', '<name>', 'Hostname label of the GPU metrics'),
  flag('--dcgm-min-throughput', 'dcgmMinThroughput', 'number', '<tokens/s>', 'Floor of the peak token rate, tokens/s'),
  flag('--dcgm-window-sec', 'dcgmWindowSec', 'number', '<s>', 'Sliding window of the GPU load, seconds'),
];

/** What help shows as a flag's default: its own text, else the option's value in MOCK_SERVER_DEFAULTS. */
export function mockServerFlagDefault(spec: MockServerFlag): string {
  if (spec.defaultText !== undefined) return spec.defaultText;
  const value = (MOCK_SERVER_DEFAULTS as Record<string, unknown>)[spec.option];
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The environment variable a flag can also come from: MOCK_SERVER_<LONG NAME>, e.g. MOCK_SERVER_TTFT_MS. */
export const mockServerFlagEnv = (spec: MockServerFlag): string => `MOCK_SERVER_${longFlagName(spec).slice(2).replace(/-/g, '_').toUpperCase()}`;

/** The long name, e.g. `--port` for `-p,--port`. */
export const longFlagName = (spec: MockServerFlag): string => spec.flag.split(',').at(-1) as string;

/** The flag table as help text: one entry per flag with its value name, meaning, default and environment variable. */
export function renderMockServerFlagHelp(flags: readonly MockServerFlag[] = MOCK_SERVER_FLAGS): string {
  return flags
    .map((spec) => `  ${spec.flag.split(',').join(', ')} ${spec.valueName}\n      ${spec.description} (default: ${mockServerFlagDefault(spec)}) [env: ${mockServerFlagEnv(spec)}]`)
    .join('\n');
}

/** Flag text (keyed by option) → library options, collecting every bad number as `--flag: got "x", expected a number`. */
export function parseMockServerFlags(values: Readonly<Record<string, string | undefined>>): { options: MockServerOptions; errors: string[] } {
  const options: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const spec of MOCK_SERVER_FLAGS) {
    const text = values[spec.option];
    if (text === undefined) continue;
    if (spec.kind === 'string') options[spec.option] = text;
    else if (spec.kind === 'list') options[spec.option] = text.split(',').map((item) => item.trim()).filter(Boolean);
    else if (text.trim() === '' || !Number.isFinite(Number(text))) errors.push(`${longFlagName(spec)}: got "${text}", expected a number`);
    else options[spec.option] = Number(text);
  }
  return { options: options as MockServerOptions, errors };
}

/** Library messages name the option (`ttftMs: …`); a CLI user knows the flag (`--ttft-ms: …`). */
export function optionMessageToFlag(message: string): string {
  const spec = MOCK_SERVER_FLAGS.find((candidate) => message.startsWith(`${candidate.option}:`));
  return spec ? `${longFlagName(spec)}${message.slice(spec.option.length)}` : message;
}
