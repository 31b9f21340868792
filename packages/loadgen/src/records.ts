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
  /** Arrival offset of the last response of any kind (usage-only chunks included, `[DONE]` excluded), or null. */
  lastResponseOffsetNs: number | null;
  /** Offset of the end of the request: last byte or the error. */
  endOffsetNs: number;
  inputTokenCount: number | null;
  /** Content tokens (reasoning excluded): server usage when present, else the tokenizer; null for non-token endpoints. */
  outputTokenCount: number | null;
  reasoningTokenCount: number | null;
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
