import { describe, expect, it } from 'vitest';
import { inferUnit } from './units.js';

describe('inferUnit', () => {
  it('reads the unit from the name suffix, longest first, as AIPerf does', () => {
    expect(inferUnit('vllm:time_to_first_token_seconds')).toBe('seconds');
    expect(inferUnit('vllm:generation_tokens')).toBe('tokens');
    expect(inferUnit('trtllm_request_success')).toBe('requests');
    expect(inferUnit('dynamo_component_request_bytes_total')).toBe('bytes');
    expect(inferUnit('nv_inference_request_duration_us')).toBe(null);
    expect(inferUnit('sglang:num_running_reqs')).toBe('requests');
  });
  it('prefers the scale a description states', () => {
    expect(inferUnit('vllm:kv_cache_usage_perc', 'KV-cache usage. 1 means 100 percent usage.')).toBe('ratio');
    expect(inferUnit('vllm:kv_cache_usage_perc')).toBe('percent');
  });
});
