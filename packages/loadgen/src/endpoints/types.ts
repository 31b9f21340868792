import type { BenchmarkConfig } from '@aiperf/config';

/** What one response message (an SSE event or a whole JSON body) contributed. */
export interface ParsedResponse {
  /** Output text in this message ('' when none). */
  text: string;
  /** Reasoning text (`reasoning_content` / `reasoning`) in this message ('' when none). */
  reasoning: string;
  usage: ServerUsage | null;
  /** An error the server reported inside a successful response (an SSE `error` event); fails the request. */
  error?: string;
  /** The message has none of what the endpoint looks for; the request fails with this reason if no message had. */
  unmatched?: string;
}

export interface ServerUsage {
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
}

/** One earlier message of a multi-turn conversation, resent with each later turn. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Images (data URLs) and audio clips (base64) sent with the prompt as content parts (chat). */
export interface RequestMedia {
  images: readonly string[];
  audio: ReadonlyArray<{ data: string; format: 'wav' }>;
}

export interface RequestInput {
  model: string;
  prompt: string;
  /** Earlier turns of the conversation (multi-turn datasets), oldest first. */
  history?: readonly ChatMessage[];
  /** Requested output tokens, or null to let the server decide. */
  maxTokens: number | null;
  streaming: boolean;
  useLegacyMaxTokens: boolean;
  extraInputs: Record<string, unknown>;
  /** More prompts sent in the same request (`--batch-size`, for endpoint types that take a list of inputs). */
  batch?: readonly string[];
  media?: RequestMedia;
  /** A query and its passages (rankings endpoint types); `prompt` is then the query. */
  passages?: readonly string[];
}

/** An endpoint type: a plain object registered by name. */
export interface EndpointType {
  name: string;
  defaultPath: string;
  supportsStreaming: boolean;
  producesTokens: boolean;
  /** Console table title. */
  metricsTitle: string;
  /** Requests carry a query and passages (rankings): the dataset synthesizes passages (`--rankings-*`). */
  usesPassages?: boolean;
  /** Requests take a list of inputs: `--batch-size` prompts go in each (embeddings). */
  acceptsBatch?: boolean;
  /** The endpoint set up for one run's settings (a template compiled once); throws ProfileConfigError for bad ones. */
  forRun?(config: BenchmarkConfig): EndpointType;
  /** Settings this endpoint type cannot work with, one message each (`--flag: problem`); checked before any request. */
  validate?(config: BenchmarkConfig): string[];
  /** Path used instead of `defaultPath` when streaming (APIs that stream on a path of their own, like TGI). */
  streamingPath?: string;
  /** Headers carrying the API key, when the API does not take `Authorization: Bearer` (and any it requires). */
  authHeaders?(apiKey: string | null): Record<string, string>;
  buildBody(input: RequestInput): Record<string, unknown>;
  /**
   * What one response message contributed; null when the message is not a shape this API sends (a server of
   * another API type): the request then fails with that body quoted.
   */
  parseResponse(json: unknown): ParsedResponse | null;
}

/** Later reports fill in or replace what earlier ones said (Anthropic sends input tokens first, output tokens last). */
export function mergeUsage(earlier: ServerUsage | null, later: ServerUsage | null): ServerUsage | null {
  if (!earlier || !later) return later ?? earlier;
  return {
    promptTokens: later.promptTokens ?? earlier.promptTokens,
    completionTokens: later.completionTokens ?? earlier.completionTokens,
    reasoningTokens: later.reasoningTokens ?? earlier.reasoningTokens,
  };
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function parseUsage(json: unknown): ServerUsage | null {
  const usage = (json as { usage?: Record<string, unknown> } | null)?.usage;
  if (!usage || typeof usage !== 'object') return null;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const details = usage.completion_tokens_details as Record<string, unknown> | undefined;
  return {
    promptTokens: num(usage.prompt_tokens),
    completionTokens: num(usage.completion_tokens),
    reasoningTokens: num(details?.reasoning_tokens),
  };
}
