import { Admission } from './admission.js';
import type { DcgmFaker } from '../dcgm/faker.js';
import type { ResolvedOptions } from '../options.js';
import type { MockServerStats, TokenRateMeter } from '../stats.js';
import type { TokenCounter } from '../tokenizer.js';
import type { VllmMetrics } from '../vllm/metrics.js';

/** Everything one running server shares between its requests. */
export interface ServerState {
  options: ResolvedOptions;
  stats: MockServerStats;
  meter: TokenRateMeter;
  /** Request serial number: seeds each request's random draws, in arrival order. */
  serial: number;
  /** Aborted by close(): pending token timers stop at once. */
  closing: AbortController;
  dcgm: DcgmFaker[];
  /** The vLLM-style metrics served at GET /metrics. */
  vllm: VllmMetrics;
  /** Completed requests, for `metricsResetAfterRequests`. */
  completedForMetrics: number;
  /** Counts usage.prompt_tokens (the promptTokenizer option). */
  countPromptTokens: TokenCounter;
  /** The batch limit (maxNumSeqs). */
  admission: Admission;
}

/** An abort signal that fires when the client goes away or the server closes. */
export function requestSignal(state: ServerState, onClose: (listener: () => void) => void): AbortSignal {
  const controller = new AbortController();
  const abort = () => controller.abort();
  onClose(abort);
  if (state.closing.signal.aborted) controller.abort();
  else state.closing.signal.addEventListener('abort', abort, { once: true });
  onClose(() => state.closing.signal.removeEventListener('abort', abort));
  return controller.signal;
}
