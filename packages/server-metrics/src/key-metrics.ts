// The few server-side metrics that explain a latency knee, by what they mean, with each server's name for
// them (vLLM, SGLang, TensorRT-LLM, Dynamo). The console table and the default plots use this list.

export type KeyMetricKind = 'gauge' | 'histogram' | 'counter-total' | 'counter-rate' | 'hit-rate';

export interface KeyMetric {
  label: string;
  kind: KeyMetricKind;
  /** Candidate metric names, first present wins. `hit-rate` takes [hits, queries] pairs, or a gauge name. */
  names: readonly string[];
  /** Multiply values for display (seconds → ms, ratio → %). */
  scale: number;
  unit: string;
}

export const KEY_METRICS: readonly KeyMetric[] = [
  { label: 'Running requests', kind: 'gauge', names: ['vllm:num_requests_running', 'sglang:num_running_reqs', 'trtllm_num_requests_running', 'dynamo_frontend_inflight_requests'], scale: 1, unit: 'requests' },
  { label: 'Waiting requests', kind: 'gauge', names: ['vllm:num_requests_waiting', 'sglang:num_queue_reqs', 'trtllm_num_requests_waiting', 'dynamo_frontend_queued_requests'], scale: 1, unit: 'requests' },
  { label: 'KV-cache usage', kind: 'gauge', names: ['vllm:kv_cache_usage_perc', 'vllm:gpu_cache_usage_perc', 'sglang:token_usage', 'trtllm_kv_cache_utilization', 'dynamo_component_gpu_cache_usage_percent'], scale: 100, unit: '%' },
  { label: 'Prefix-cache hit rate', kind: 'hit-rate', names: ['vllm:prefix_cache_hits', 'vllm:prefix_cache_queries', 'sglang:cache_hit_rate', 'trtllm_kv_cache_hit_rate'], scale: 100, unit: '%' },
  { label: 'Preemptions', kind: 'counter-total', names: ['vllm:num_preemptions'], scale: 1, unit: 'total' },
  { label: 'Queue time', kind: 'histogram', names: ['vllm:request_queue_time_seconds', 'sglang:queue_time_seconds', 'trtllm_request_queue_time_seconds'], scale: 1000, unit: 'ms' },
  { label: 'Time to first token', kind: 'histogram', names: ['vllm:time_to_first_token_seconds', 'sglang:time_to_first_token_seconds', 'trtllm_time_to_first_token_seconds', 'dynamo_frontend_time_to_first_token_seconds'], scale: 1000, unit: 'ms' },
  { label: 'Inter-token latency', kind: 'histogram', names: ['vllm:inter_token_latency_seconds', 'vllm:time_per_output_token_seconds', 'sglang:inter_token_latency_seconds', 'trtllm_time_per_output_token_seconds', 'dynamo_frontend_inter_token_latency_seconds'], scale: 1000, unit: 'ms' },
  { label: 'Request latency', kind: 'histogram', names: ['vllm:e2e_request_latency_seconds', 'sglang:e2e_request_latency_seconds', 'trtllm_e2e_request_latency_seconds', 'dynamo_frontend_request_duration_seconds'], scale: 1000, unit: 'ms' },
  { label: 'Generation throughput', kind: 'counter-rate', names: ['vllm:generation_tokens', 'sglang:generation_tokens', 'trtllm_generation_tokens', 'dynamo_frontend_output_tokens'], scale: 1, unit: 'tokens/s' },
];
