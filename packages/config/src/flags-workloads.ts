import type { FlagDef } from './flag-types.js';
import { CACHE_BUST_MODES, CONNECTION_REUSE_STRATEGIES, DATASET_SAMPLING_STRATEGIES, PROMPT_CORPORA } from './yaml-schema-workloads.js';

const oneOf = (values: readonly string[]) => `<${values.join(' | ')}>`;
const input = 'Input' as const;

/** Connection flags of the workloads (session affinity), in the Endpoint group. */
export const WORKLOAD_ENDPOINT_FLAGS: readonly FlagDef[] = [
  { key: 'sessionHeader', names: ['--session-header'], path: 'benchmark.endpoint.session_header', kind: 'value', group: 'Endpoint', valueName: '<name>', description: 'Header carrying the per-conversation id (the same on every turn), for session-affinity routing' },
  { key: 'connectionReuseStrategy', names: ['--connection-reuse-strategy'], path: 'benchmark.endpoint.connection_reuse_strategy', kind: 'value', group: 'Endpoint', valueName: oneOf(CONNECTION_REUSE_STRATEGIES), description: 'pooled: connections shared by all requests; never: a new connection per request; sticky-user-sessions: one connection per conversation, closed after its last turn' },
];

/** Workload flags (AIPerf's names): conversations, prefixes, distributions, sampling, corpus, replay speed. */
export const WORKLOAD_INPUT_FLAGS: readonly FlagDef[] = [
  { key: 'seqDist', names: ['--seq-dist', '--sequence-distribution'], path: 'benchmark.input.seq_dist', kind: 'value', group: input, valueName: '<ISL,OSL:pct;…>', description: 'Mixed ISL/OSL pairs by percentage, e.g. "256,128:60;512|20,256|10:40" (|stddev optional); instead of --isl/--osl' },
  { key: 'promptCorpus', names: ['--prompt-corpus'], path: 'benchmark.input.prompt_corpus', kind: 'value', group: input, valueName: oneOf(PROMPT_CORPORA), description: 'Text synthetic prompts are cut from: sonnet (Shakespeare) or coding (code, shell output, JSON, tracebacks, diffs)' },
  { key: 'datasetSamplingStrategy', names: ['--dataset-sampling-strategy'], path: 'benchmark.input.dataset_sampling_strategy', kind: 'value', group: input, valueName: oneOf(DATASET_SAMPLING_STRATEGIES), defaultText: 'sequential', description: 'How requests pick dataset entries: in order (wrapping), at random with replacement, or shuffled without replacement (reshuffled each pass)' },
  { key: 'conversationTurnMean', names: ['--conversation-turn-mean', '--session-turns-mean'], path: 'benchmark.input.conversation_turn_mean', kind: 'value', group: input, valueName: '<turns>', description: 'Synthetic multi-turn: mean turns per conversation (each turn resends the history)' },
  { key: 'conversationTurnStddev', names: ['--conversation-turn-stddev', '--session-turns-stddev'], path: 'benchmark.input.conversation_turn_stddev', kind: 'value', group: input, valueName: '<turns>', description: 'Standard deviation of the turns per conversation' },
  { key: 'conversationTurnDelayMean', names: ['--conversation-turn-delay-mean', '--session-turn-delay-mean'], path: 'benchmark.input.conversation_turn_delay_mean_ms', kind: 'value', group: input, valueName: '<ms>', description: 'Mean think time before each later turn, after the previous answer' },
  { key: 'conversationTurnDelayStddev', names: ['--conversation-turn-delay-stddev', '--session-turn-delay-stddev'], path: 'benchmark.input.conversation_turn_delay_stddev_ms', kind: 'value', group: input, valueName: '<ms>', description: 'Standard deviation of the think time' },
  { key: 'conversationTurnDelayRatio', names: ['--conversation-turn-delay-ratio', '--session-delay-ratio'], path: 'benchmark.input.conversation_turn_delay_ratio', kind: 'value', group: input, valueName: '<x>', description: 'Multiplies every turn delay (also those of multi_turn files); 0 removes them' },
  { key: 'promptPrefixPoolSize', names: ['--prompt-prefix-pool-size', '--prefix-prompt-pool-size', '--num-prefix-prompts'], path: 'benchmark.input.prompt_prefix_pool_size', kind: 'value', group: input, valueName: '<n>', description: 'Distinct prefixes; each synthetic prompt starts with one of them (KV-cache reuse)' },
  { key: 'promptPrefixLength', names: ['--prompt-prefix-length', '--prefix-prompt-length'], path: 'benchmark.input.prompt_prefix_length', kind: 'value', group: input, valueName: '<tokens>', description: 'Tokens of each prefix (part of the ISL)' },
  { key: 'sharedSystemPromptLength', names: ['--shared-system-prompt-length'], path: 'benchmark.input.shared_system_prompt_length', kind: 'value', group: input, valueName: '<tokens>', description: 'A system message of this many tokens, the same for every conversation' },
  { key: 'userContextPromptLength', names: ['--user-context-prompt-length'], path: 'benchmark.input.user_context_prompt_length', kind: 'value', group: input, valueName: '<tokens>', description: 'Per-conversation context of this many tokens in the system message (after the shared prompt)' },
  { key: 'cacheBust', names: ['--cache-bust'], path: 'benchmark.input.cache_bust', kind: 'value', group: input, valueName: oneOf(CACHE_BUST_MODES), description: 'Put a unique marker in each conversation to defeat prefix caches: before/after the system message or the first turn' },
  { key: 'replaySpeedup', names: ['--replay-speedup'], path: 'benchmark.input.replay_speedup', kind: 'value', group: input, valueName: '<x>', defaultText: '1', description: 'Trace replay: timestamps divided by this (10 = ten times faster than recorded)' },
];
