import { type TLiteral, Type } from '@sinclair/typebox';
import { withDefault as Def } from './resolved.js';

/**
 * Workload settings (AIPerf's names): synthetic multi-turn conversations, prefix/context synthesis, sequence
 * distributions, dataset sampling, trace replay speed and the prompt corpus. Spread into `benchmark.input`
 * (and the two connection settings into `benchmark.endpoint`) by `yaml-schema.ts`.
 */

const Opt = Type.Optional;
const Enum = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

export const CACHE_BUST_MODES = ['none', 'system_prefix', 'system_suffix', 'first_turn_prefix', 'first_turn_suffix'] as const;
export const DATASET_SAMPLING_STRATEGIES = ['sequential', 'random', 'shuffle'] as const;
export const PROMPT_CORPORA = ['sonnet', 'coding'] as const;
export const CONNECTION_REUSE_STRATEGIES = ['pooled', 'never', 'sticky-user-sessions'] as const;

/** Built-in trace formats: replayed at their timestamps unless --no-fixed-schedule (AIPerf leaves burst_gpt_trace to --fixed-schedule). */
const TRACE_DATASET_TYPES: ReadonlySet<string> = new Set(['mooncake_trace', 'bailian_trace']);
export const isTraceDatasetType = (type: string | null | undefined): boolean => type != null && TRACE_DATASET_TYPES.has(type);

export const WORKLOAD_INPUT_KEYS = {
  /** Synthetic conversations: turns per conversation ~ normal(mean, stddev), at least 1. */
  conversation_turn_mean: Opt(Def(Type.Integer({ minimum: 1 }), 1)),
  conversation_turn_stddev: Opt(Def(Type.Number({ minimum: 0 }), 0)),
  /** Think time before each later turn ~ normal(mean, stddev) ms, times the ratio. */
  conversation_turn_delay_mean_ms: Opt(Def(Type.Number({ minimum: 0 }), 0)),
  conversation_turn_delay_stddev_ms: Opt(Def(Type.Number({ minimum: 0 }), 0)),
  conversation_turn_delay_ratio: Opt(Def(Type.Number({ minimum: 0 }), 1)),
  /** Distinct prefixes prepended to synthetic prompts (0 = none), each `prompt_prefix_length` tokens. */
  prompt_prefix_pool_size: Opt(Def(Type.Integer({ minimum: 0 }), 0)),
  prompt_prefix_length: Opt(Def(Type.Integer({ minimum: 0 }), 0)),
  /** A system prompt of this many tokens shared by every conversation. */
  shared_system_prompt_length: Opt(Type.Integer({ minimum: 1 })),
  /** A context of this many tokens unique to each conversation, after the shared system prompt. */
  user_context_prompt_length: Opt(Type.Integer({ minimum: 1 })),
  cache_bust: Opt(Def(Enum(CACHE_BUST_MODES), 'none')),
  /** Weighted ISL,OSL pairs: `256,128:60;512|20,256|10:40` (percentages summing to 100). */
  seq_dist: Opt(Type.String({ minLength: 1 })),
  /** How requests pick dataset entries; unset = sequential (in file or generation order). */
  dataset_sampling_strategy: Opt(Enum(DATASET_SAMPLING_STRATEGIES)),
  prompt_corpus: Opt(Def(Enum(PROMPT_CORPORA), 'sonnet')),
  /** Trace replay: timestamps divided by this (10 = ten times faster than recorded). */
  replay_speedup: Opt(Type.Number({ exclusiveMinimum: 0 })),
};

export const WORKLOAD_INPUT_ALIASES = {
  conversation_turn_delay_mean: 'conversation_turn_delay_mean_ms',
  conversation_turn_delay_stddev: 'conversation_turn_delay_stddev_ms',
  sequence_distribution: 'seq_dist',
};

export const WORKLOAD_ENDPOINT_KEYS = {
  /** The header carrying the per-conversation id (session affinity); default X-Correlation-ID. */
  session_header: Opt(Def(Type.String({ minLength: 1, pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" }), 'X-Correlation-ID')),
  connection_reuse_strategy: Opt(Def(Enum(CONNECTION_REUSE_STRATEGIES), 'pooled')),
};
