/**
 * One request's measurements, compact enough to keep 100k of them in memory and cheap to post between threads
 * (plain arrays of doubles take ~40% less memory than Float64Arrays and clone as cheaply). Times are monotonic-clock offsets from the request's
 * send time, in nanoseconds as plain numbers (an offset stays far below 2^53); only the send time itself is a
 * bigint, in both the monotonic and the epoch scale.
 */
export type BenchmarkPhase = 'warmup' | 'profiling';

export interface RequestErrorInfo {
  /** HTTP status, or a custom code (499 = cancelled, null when none applies). */
  code: number | null;
  /** Error class name, e.g. `HTTPError`, `RequestTimeoutError`, `RequestCancellationError`. */
  type: string;
  message: string;
}

export interface RequestRecord {
  /** 0-based index of the request (= session, single-turn) within its phase. */
  sessionNum: number;
  /** Sharded runs only: the shard that sent it, and the dataset entry (0-based) its session was built from. */
  shardIndex?: number;
  datasetIndex?: number;
  /** Which server (`--url` order) it was sent to; absent = the first. */
  urlIndex?: number;
  xRequestId: string;
  xCorrelationId: string;
  conversationId: string;
  turnIndex: number;
  phase: BenchmarkPhase;
  workerId: string;
  /** Monotonic send time (`process.hrtime.bigint()`). */
  startPerfNs: bigint;
  /** Epoch ns of the send. */
  startEpochNs: bigint;
  /** Response headers received (offset from start), or null. */
  ackOffsetNs: number | null;
  /** Arrival offsets of responses that carried text or reasoning, in order. */
  contentOffsetsNs: readonly number[];
  /** Arrival offset of the first response carrying non-reasoning text (for TTFO), or null. */
  firstOutputOffsetNs: number | null;
  /**
   * Where the request latency ends: arrival offset of the last response with content (text or reasoning); when
   * none had content (embeddings, an empty answer), of the last response of any kind (`[DONE]` excluded); or null.
   */
  lastResponseOffsetNs: number | null;
  /** Offset of the end of the request: last byte or the error. */
  endOffsetNs: number;
  /**
   * The counts the metrics use: the server's `usage` with `--use-server-token-count` (when it reported one),
   * else the client tokenizer. Output excludes reasoning; null for non-token endpoints and failed requests.
   */
  inputTokenCount: number | null;
  outputTokenCount: number | null;
  reasoningTokenCount: number | null;
  /** What the server's `usage` said (prompt, completion incl. reasoning, reasoning), null where it said nothing. */
  usagePromptTokens?: number | null;
  usageCompletionTokens?: number | null;
  usageReasoningTokens?: number | null;
  /** The client tokenizer's counts where it ran (with `--use-server-token-count` only the input is counted). */
  clientInputTokenCount?: number | null;
  clientOutputTokenCount?: number | null;
  clientReasoningTokenCount?: number | null;
  error: RequestErrorInfo | null;
  wasCancelled: boolean;
  cancellationOffsetNs: number | null;
  /** How late the send was against its schedule (request-rate mode), ns; 0 when on time or unscheduled. */
  sendLatenessNs: number;
  /** Still in flight when the run ended (grace period over or Ctrl+C): counted and reported, never exported. */
  abandoned?: boolean;
  /** Only with `--export-level raw`: the body sent and every response message; dropped once written. */
  raw?: { payload: unknown; responses: Array<{ offsetNs: number; data: string }> };
}

export const isValidRecord = (record: RequestRecord): boolean => record.error === null;
