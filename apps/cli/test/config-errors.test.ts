import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';
import { makeTempDirSync } from '@aiperf/test-kit';

function yamlFile(text: string): { dir: string; file: string } {
  const dir = makeTempDirSync('aiperf-config-');
  writeFileSync(join(dir, 'bench.yaml'), text);
  return { dir, file: join(dir, 'bench.yaml') };
}

describe('aiperf profile: configuration errors exit 2 and list every problem', () => {
  test('YAML and flag errors together, each naming its path or flag', async () => {
    const { dir } = yamlFile('benchmark:\n  model: m\n  load: {concurency: 4, request_rate: -1}\n  endpoint: {streaming: maybe}\n');
    const result = await runInProcess(['profile', '-f', 'bench.yaml', '--isl', 'lots'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "aiperf profile: 4 configuration errors:
        benchmark.load.concurency: unknown key (did you mean "concurrency"?); allowed keys: concurrency, request_rate, arrival_pattern, request_count, benchmark_duration_seconds, grace_period_seconds, warmup_request_count, request_cancellation_rate, request_cancellation_delay_seconds, workers, conversation_num, fixed_schedule, timing_mode, fixed_schedule_auto_offset, fixed_schedule_start_offset_ms, fixed_schedule_end_offset_ms, arrival_smoothness, request_rate_series, request_rate_ramp_duration_seconds, concurrency_ramp_duration_seconds, prefill_concurrency, prefill_concurrency_ramp_duration_seconds, user_centric_rate, num_users
        benchmark.load.request_rate: got -1, expected a number > 0
        benchmark.endpoint.streaming: got "maybe", expected true or false
        --isl: got "lots", expected an integer ≥ 1
      See \`aiperf profile --help\` for every option.
      "
    `);
  });

  test('an endpoint type or timing mode that no built-in or plugin registered', async () => {
    const result = await runInProcess(['profile', '-m', 'm', '--endpoint-type', 'chatt', '--timing-mode', 'burstt', '--request-count', '4']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "warning: --concurrency not given; using 1
      aiperf profile: 2 configuration errors:
        --endpoint-type (benchmark.endpoint.type): got "chatt", expected one of: chat, completions, embeddings, messages, responses, huggingface_generate, chat_embeddings, nim_rankings, hf_tei_rankings, cohere_rankings, template (did you mean "chat"?)
        --timing-mode (benchmark.load.timing_mode): got "burstt", expected one of: concurrency, request_rate, fixed_schedule, user_centric
      "
    `);
  });

  test('malformed YAML names file, line and column', async () => {
    const { dir, file } = yamlFile('benchmark:\n  model: m\n  load: [1, 2\n');
    const result = await runInProcess(['profile', '--config', 'bench.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:4:1: invalid YAML: unexpected end of the stream within a flow collection`);
  });

  test('a missing config file', async () => {
    const result = await runInProcess(['profile', '-f', '/nonexistent/aiperf.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--config: got "/nonexistent/aiperf.yaml": file not found');
  });

  test('a plot: path that does not exist', async () => {
    const { dir } = yamlFile('benchmark: {model: m}\nplot: nope.yaml\n');
    const result = await runInProcess(['profile', '-f', 'bench.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`plot: plot path not found: ${join(dir, 'nope.yaml')}`);
  });
});
