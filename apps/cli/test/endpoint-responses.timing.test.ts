// `--endpoint-type responses` (OpenAI Responses API) end to end: aiperf against the mock server (TTFT 60 ms,
// ITL 8 ms) through a recording proxy; generous tolerances for a loaded CI machine.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, expectNear, readJson, readJsonl, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 60, itlMs: 8 });
const dirs = { make: () => runDir('aiperf-responses-') };

const run = (dir: string, extra: string[]) =>
  runInProcess([
    'profile', '--model', 'gpt-mock', '--url', servers.proxy.url, '--endpoint-type', 'responses', '--request-count', '12', '--concurrency', '3',
    '--osl', '20', '--isl', '64', '--extra-inputs', 'ignore_eos:true', '--api-key', 'sk-test', '--artifact-dir', dir, ...QUIET_RUN, ...extra,
  ]);

describe('aiperf profile --endpoint-type responses', () => {
  it('streams: input items and max_output_tokens, text from response.output_text.delta, usage from response.incomplete; TTFT/ITL as configured', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, ['--streaming', '--use-server-token-count']);
    expect(result.code, result.stderr).toBe(0);

    expect(servers.proxy.exchanges).toHaveLength(12);
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe('/v1/responses');
      expect(request.headers.authorization).toBe('Bearer sk-test');
      expect(request.body).toMatchObject({ model: 'gpt-mock', max_output_tokens: 20, stream: true, ignore_eos: true });
      const { input } = request.body as { input: Array<{ role: string; content: string }> };
      expect(input).toHaveLength(1);
      expect(input[0]!.role).toBe('user');
      expect(input[0]!.content.length).toBeGreaterThan(50);
    }

    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.request_count.avg).toBe(12);
    // With --use-server-token-count the counts come from the usage of the final event.
    expect(summary.output_sequence_length).toMatchObject({ avg: 20, min: 20, max: 20 });
    expectNear(summary.time_to_first_token, 60);
    expectNear(summary.inter_token_latency, 8, 'avg');
    expectNear(summary.request_latency, 212);
    const raw = readJsonl(join(dir, 'profile_export_raw.jsonl'));
    const types = raw[0].responses.map((r: { data: string }) => JSON.parse(r.data).type);
    expect(types[0]).toBe('response.created');
    expect(types.filter((t: string) => t === 'response.output_text.delta')).toHaveLength(20);
    expect(types.at(-1)).toBe('response.incomplete');
  });

  it('non-streaming: the output message text is counted; latency is the whole answer', async () => {
    const dir = await dirs.make();
    const result = await run(dir, []);
    expect(result.code, result.stderr).toBe(0);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.time_to_first_token ?? null).toBeNull();
    // Client-side count of the received text (the mock's words are single tokens of the builtin tokenizer).
    expect(summary.output_sequence_length.avg).toBeGreaterThan(15);
    expectNear(summary.request_latency, 212);
    const records = readJsonl(join(dir, 'profile_export_raw.jsonl'));
    expect(JSON.parse(records[0].responses[0].data).object).toBe('response');
  });
});
