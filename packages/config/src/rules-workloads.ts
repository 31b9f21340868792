import type { ConfigRule } from './rules.js';
import { parseSeqDist } from './seq-dist.js';

const INPUT = 'benchmark.input';
const at = (key: string) => `${INPUT}.${key}` as const;

/**
 * Workload options that contradict each other or the dataset: synthetic-only options with --input-file, prefix
 * pools with the shared-system/user-context prompts, a prefix that does not fit the ISL, --seq-dist with
 * --isl/--osl, replay pacing without a fixed schedule.
 */
export const workloadConsistency: ConfigRule = {
  name: 'workload-consistency',
  apply(config, ctx) {
    const input = config.benchmark.input;
    const fail = (key: string, message: string) => ctx.errors.push({ where: ctx.where(key), message });
    if (input.seqDist !== null) {
      const parsed = parseSeqDist(input.seqDist);
      if (typeof parsed === 'string') fail(at('seq_dist'), parsed);
      for (const key of ['input_tokens.mean', 'input_tokens.stddev', 'output_tokens.mean', 'output_tokens.stddev']) {
        if (ctx.given(at(key))) fail(at('seq_dist'), `cannot be combined with ${ctx.where(at(key))}: the distribution sets both lengths; remove one`);
      }
    }
    const prefixGiven = ctx.given(at('prompt_prefix_pool_size')) || ctx.given(at('prompt_prefix_length'));
    if (input.promptPrefixPoolSize > 0 !== input.promptPrefixLength > 0 && prefixGiven) {
      const missing = input.promptPrefixPoolSize > 0 ? 'prompt_prefix_length' : 'prompt_prefix_pool_size';
      fail(at(missing), `must be > 0 too: a prefix pool needs both ${ctx.where(at('prompt_prefix_pool_size'))} and ${ctx.where(at('prompt_prefix_length'))}`);
    }
    if (input.promptPrefixPoolSize > 0) {
      for (const key of ['shared_system_prompt_length', 'user_context_prompt_length']) {
        if (ctx.given(at(key))) fail(at('prompt_prefix_pool_size'), `cannot be combined with ${ctx.where(at(key))}; use the prefix pool or the system/context prompts`);
      }
      const islMean = input.inputTokens.mean;
      if (input.seqDist === null && input.inputFile === null && input.promptPrefixLength >= islMean)
        fail(at('prompt_prefix_length'), `got ${input.promptPrefixLength}, which does not fit the ISL of ${islMean} tokens (the prefix is part of the prompt); lower it below ${islMean} or raise ${ctx.where(at('input_tokens.mean'))}`);
    }
    if (input.inputFile !== null) {
      // Judged by value, not by being given: --print-config writes every default back.
      const synthetic = [
        ...(input.conversationTurnMean > 1 ? ['conversation_turn_mean'] : []),
        ...(input.promptPrefixPoolSize > 0 ? ['prompt_prefix_pool_size'] : []),
        ...(input.seqDist !== null ? ['seq_dist'] : []),
      ];
      for (const key of synthetic) fail(at(key), `applies to synthetic prompts only; remove it or ${ctx.where(at('input_file'))}`);
    }
    const fixed = config.benchmark.load.mode === 'fixed_schedule';
    if (input.replaySpeedup !== null && !fixed) fail(at('replay_speedup'), 'only applies to a fixed-schedule trace replay (--fixed-schedule or a trace dataset)');
    if (input.datasetSamplingStrategy !== null && fixed) fail(at('dataset_sampling_strategy'), 'cannot be combined with a fixed schedule: a trace is replayed in timestamp order');
  },
};
