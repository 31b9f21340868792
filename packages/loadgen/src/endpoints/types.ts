/** What one response message (an SSE event or a whole JSON body) contributed. */
export interface ParsedResponse {
  /** Output text in this message ('' when none). */
  text: string;
  /** Reasoning text (`reasoning_content` / `reasoning`) in this message ('' when none). */
  reasoning: string;
  usage: ServerUsage | null;
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
}

/** An endpoint type: a plain object registered by name. */
export interface EndpointType {
  name: string;
  defaultPath: string;
  supportsStreaming: boolean;
  producesTokens: boolean;
  /** Console table title. */
  metricsTitle: string;
  buildBody(input: RequestInput): Record<string, unknown>;
  parseResponse(json: unknown): ParsedResponse;
}

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
