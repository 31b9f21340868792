import type { RequestRecord } from '../records.js';
import type { RecordMetric, RunMetric } from './types.js';

// What the server's `usage` reported, and how far it is from the client tokenizer (AIPerf's usage metrics).

/** A request whose usage differs from the client count by more than this (%) is a usage discrepancy (AIPerf's default). */
export const USAGE_DIFF_THRESHOLD_PCT = 10;

const value = (v: number | null | undefined): number | undefined => (v === null || v === undefined ? undefined : v);

const usageTokens = (tag: string, header: string, read: (r: RequestRecord) => number | undefined): RecordMetric => ({
  tag, header, unit: 'tokens', displayUnit: 'tokens', kind: 'record', flags: ['produces_tokens', 'no_console'], compute: read,
});

/** |server − client| / client × 100, when both are known and the client count is not 0. */
const diffPct = (server: number | undefined, client: number | undefined): number | undefined =>
  server === undefined || client === undefined || client === 0 ? undefined : (Math.abs(server - client) / client) * 100;

const clientCompletion = (r: RequestRecord): number | undefined =>
  r.clientOutputTokenCount == null ? undefined : r.clientOutputTokenCount + (r.clientReasoningTokenCount ?? 0);

const usageDiffs = (r: RequestRecord): Array<number | undefined> => [
  diffPct(value(r.usagePromptTokens), value(r.clientInputTokenCount)),
  diffPct(value(r.usageCompletionTokens), clientCompletion(r)),
  diffPct(value(r.usageReasoningTokens), value(r.clientReasoningTokenCount)),
];

const diffMetric = (tag: string, header: string, index: number): RecordMetric => ({
  tag, header, unit: '%', displayUnit: '%', kind: 'record', flags: ['produces_tokens', 'no_console'],
  compute: (r) => usageDiffs(r)[index],
});

export const usageRecordMetrics: RecordMetric[] = [
  usageTokens('usage_prompt_tokens', 'Usage Prompt Tokens', (r) => value(r.usagePromptTokens)),
  usageTokens('usage_completion_tokens', 'Usage Completion Tokens', (r) => value(r.usageCompletionTokens)),
  usageTokens('usage_total_tokens', 'Usage Total Tokens', (r) =>
    r.usagePromptTokens == null || r.usageCompletionTokens == null ? undefined : r.usagePromptTokens + r.usageCompletionTokens),
  usageTokens('usage_reasoning_tokens', 'Usage Reasoning Tokens', (r) => value(r.usageReasoningTokens)),
  diffMetric('usage_prompt_tokens_diff_pct', 'Usage Prompt Tokens Diff %', 0),
  diffMetric('usage_completion_tokens_diff_pct', 'Usage Completion Tokens Diff %', 1),
  diffMetric('usage_reasoning_tokens_diff_pct', 'Usage Reasoning Tokens Diff %', 2),
];

const DIFF_TAGS = ['usage_prompt_tokens_diff_pct', 'usage_completion_tokens_diff_pct', 'usage_reasoning_tokens_diff_pct'];

/** Valid requests whose usage differs from the client count by more than the threshold on any count. */
export const usageDiscrepancyCount: RunMetric = {
  tag: 'usage_discrepancy_count', header: 'Usage Discrepancy Count', unit: 'requests', displayUnit: 'requests',
  kind: 'aggregate', flags: ['produces_tokens', 'no_console', 'no_record_export'],
  compute: (run) =>
    run.sum('usage_prompt_tokens') === undefined && run.sum('usage_completion_tokens') === undefined
      ? undefined
      // NaN (no value) is never above the threshold.
      : run.countValid((value) => DIFF_TAGS.some((tag) => value(tag) > USAGE_DIFF_THRESHOLD_PCT)),
};
