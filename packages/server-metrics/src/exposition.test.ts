import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition.js';

const fixture = (name: string) => readFileSync(new URL(`../test-fixtures/${name}.prom`, import.meta.url), 'utf8');

describe('parseExposition on real-format expositions', () => {
  it('reads a vLLM /metrics body (prometheus_client 0.0.4: _total counters, _created gauges, histograms, info)', () => {
    const { families, issues } = parseExposition(fixture('vllm'));
    expect(issues).toMatchObject({ malformedLines: 0, nonFiniteSamples: 0, duplicateSeries: 0, unsupportedFamilies: [], unknownTypeFamilies: [] });
    // `_created` families are creation times, not metrics; counters are named without `_total`, as AIPerf exports them.
    expect([...families.keys()].filter((name) => name.endsWith('_created'))).toEqual([]);
    expect(families.get('vllm:num_requests_running')).toMatchObject({ type: 'gauge', help: 'Number of requests in model execution batches.', scalars: [{ labels: { engine: '0', model_name: 'Qwen/Qwen3-0.6B' }, value: 12 }] });
    expect(families.get('vllm:prompt_tokens')).toMatchObject({ type: 'counter', scalars: [{ value: 1.5e6 }] });
    expect(families.get('vllm:request_success')?.scalars.map((point) => [point.labels.finished_reason, point.value])).toEqual([['stop', 1480], ['length', 20], ['abort', 0]]);
    const ttft = families.get('vllm:time_to_first_token_seconds');
    expect(ttft?.type).toBe('histogram');
    expect(ttft?.histograms).toHaveLength(1);
    expect(ttft?.histograms[0]).toMatchObject({ labels: { engine: '0', model_name: 'Qwen/Qwen3-0.6B' }, sum: 82.5, count: 1500 });
    expect(ttft?.histograms[0]?.bounds.slice(0, 4)).toEqual([0.001, 0.005, 0.01, 0.02]);
    expect(ttft?.histograms[0]?.bounds.at(-1)).toBe(Number.POSITIVE_INFINITY);
    expect(ttft?.histograms[0]?.counts.slice(3, 6)).toEqual([20, 300, 900]);
    // A histogram whose name ends in `_total` stays a histogram under its own name.
    expect(families.get('vllm:iteration_tokens_total')).toMatchObject({ type: 'histogram', histograms: [{ count: 2000, sum: 250000 }] });
    expect(families.get('vllm:cache_config_info')?.scalars[0]?.labels).toMatchObject({ block_size: '16', enable_prefix_caching: 'True' });
    expect(families.get('python_gc_objects_collected')).toMatchObject({ type: 'counter', scalars: [{ labels: { generation: '0' }, value: 12345 }] });
  });

  it('reads an SGLang /metrics body (sglang: names, multi-label series)', () => {
    const { families, issues } = parseExposition(fixture('sglang'));
    expect(issues.malformedLines).toBe(0);
    expect(families.get('sglang:num_queue_reqs')?.scalars[0]).toMatchObject({
      labels: { model_name: 'meta-llama/Llama-3.1-8B-Instruct', engine_type: 'unified', tp_rank: '0', pp_rank: '0' },
      value: 5,
    });
    expect(families.get('sglang:cache_hit_rate')).toMatchObject({ type: 'gauge', scalars: [{ value: 0.375 }] });
    expect(families.get('sglang:generation_tokens')).toMatchObject({ type: 'counter', scalars: [{ value: 210000 }] });
    const queue = families.get('sglang:queue_time_seconds')?.histograms[0];
    expect(queue?.bounds[0]).toBe(0);
    expect(queue).toMatchObject({ count: 900, sum: 95 });
  });

  it('reads a TensorRT-LLM /prometheus/metrics body (trtllm_ names, counters without _created)', () => {
    const { families } = parseExposition(fixture('trtllm'));
    expect(families.get('trtllm_kv_cache_utilization')).toMatchObject({ type: 'gauge', scalars: [{ value: 0.83 }] });
    expect(families.get('trtllm_request_success')?.scalars.map((point) => point.value)).toEqual([3000, 40]);
    expect(families.get('trtllm_time_to_first_token_seconds')?.histograms[0]).toMatchObject({ count: 3040, sum: 330 });
    expect(families.get('trtllm_time_per_output_token_seconds')?.histograms[0]?.counts.slice(0, 3)).toEqual([400000, 770000, 779000]);
  });
});

describe('parseExposition on bad input', () => {
  it('counts NaN/Inf samples, duplicate series, unknown and unsupported types, malformed lines — and keeps the rest', () => {
    const body = [
      '# TYPE good gauge',
      'good{a="1"} 1',
      'good{a="1"} 2', // duplicate series: the first wins
      'good{a="2"} NaN',
      'good{a="3"} +Inf',
      '# TYPE weird frobnicator',
      'weird 7',
      '# TYPE lat summary',
      'lat{quantile="0.5"} 0.1',
      'lat_sum 3',
      'lat_count 10',
      'untyped_thing 4',
      '<html>not a metric</html>',
      '# TYPE h histogram',
      'h_bucket{le="1"} 1',
      'h_bucket{le="1"} 2',
      'h_bucket{le="+Inf"} 3',
      'h_sum NaN',
      'h_count 3',
    ].join('\n');
    const { families, issues } = parseExposition(body);
    expect(families.get('good')?.scalars).toEqual([{ labels: { a: '1' }, value: 1, key: 'good{a="1"}' }]);
    expect(families.get('weird')).toMatchObject({ type: 'unknown', scalars: [{ value: 7 }] });
    expect(families.get('untyped_thing')).toMatchObject({ type: 'unknown', scalars: [{ value: 4 }] });
    expect(families.has('lat')).toBe(false);
    expect(families.get('h')?.histograms[0]).toMatchObject({ bounds: [1, Number.POSITIVE_INFINITY], counts: [1, 3], count: 3, sum: 0 });
    expect(issues).toMatchObject({
      malformedLines: 1,
      nonFiniteSamples: 3,
      duplicateSeries: 2,
      unsupportedFamilies: ['lat'],
      unknownTypeFamilies: ['weird'],
    });
  });

  it('names a histogram bucket whose le is not a number as the first malformed line when it comes first', () => {
    // Found by the fuzz test (seed -1353866101): the line was counted as malformed but not named.
    const bucketFirst = parseExposition('# TYPE vllm:x histogram\nvllm:x_bucket{le=""} -1\n<html>');
    expect(bucketFirst.issues.malformedLines).toBe(2);
    expect(bucketFirst.issues.firstMalformed).toMatchObject({ lineNumber: 2, line: 'vllm:x_bucket{le=""} -1' });
    const textFirst = parseExposition('<html>\n# TYPE h histogram\nh_bucket{le="x"} 1');
    expect(textFirst.issues.malformedLines).toBe(2);
    expect(textFirst.issues.firstMalformed?.lineNumber).toBe(1);
  });

  it('parses a 10 MB exposition', () => {
    const lines: string[] = ['# TYPE big gauge'];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const line = `big{series="${i}",padding="${'x'.repeat(40)}"} ${i}.5`;
      lines.push(line);
      size += line.length + 1;
    }
    const { families, issues } = parseExposition(lines.join('\n'));
    expect(issues.malformedLines).toBe(0);
    expect(families.get('big')?.scalars.length).toBe(lines.length - 1);
  });
});
