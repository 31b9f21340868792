import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition.js';
import { liveServerReading } from './live-reading.js';

describe('liveServerReading', () => {
  it('sums requests over engines, averages KV-cache use, as a percentage', () => {
    const text = [
      '# TYPE vllm:num_requests_running gauge',
      'vllm:num_requests_running{engine="0",model_name="m"} 3',
      'vllm:num_requests_running{engine="1",model_name="m"} 2',
      '# TYPE vllm:num_requests_waiting gauge',
      'vllm:num_requests_waiting{engine="0",model_name="m"} 1',
      'vllm:num_requests_waiting{engine="1",model_name="m"} 0',
      '# TYPE vllm:kv_cache_usage_perc gauge',
      'vllm:kv_cache_usage_perc{engine="0",model_name="m"} 0.25',
      'vllm:kv_cache_usage_perc{engine="1",model_name="m"} 0.5',
      '',
    ].join('\n');
    expect(liveServerReading('http://h:8000/metrics', parseExposition(text))).toEqual({
      url: 'http://h:8000/metrics', runningRequests: 5, waitingRequests: 1, kvCacheUsagePercent: 37.5,
    });
  });

  it('SGLang names; what the server does not serve is null', () => {
    const text = '# TYPE sglang:num_running_reqs gauge\nsglang:num_running_reqs 7\n';
    expect(liveServerReading('u', parseExposition(text))).toEqual({ url: 'u', runningRequests: 7, waitingRequests: null, kvCacheUsagePercent: null });
  });
});
