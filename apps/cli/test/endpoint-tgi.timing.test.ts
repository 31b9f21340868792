// `--endpoint-type huggingface_generate` (Hugging Face TGI) end to end: aiperf against the mock server (TTFT
// 60 ms, ITL 8 ms) through a recording proxy; generous tolerances for a loaded CI machine.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, expectNear, readJson, readJsonl, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 60, itlMs: 8 });
const dirs = { make: () => runDir('aiperf-tgi-') };

const run = (dir: string, extra: string[]) =>
  runInProcess([
    'profile', '--model', 'tgi-mock', '--url', servers.proxy.url, '--endpoint-type', 'huggingface_generate', '--request-count', '9', '--concurrency', '3',
    '--osl', '20', '--isl', '64', '--extra-inputs', 'ignore_eos:true', '--artifact-dir', dir, ...QUIET_RUN, ...extra,
  ]);

describe('aiperf profile --endpoint-type huggingface_generate', () => {
  it('streams from /generate_stream: {inputs, parameters}, one token per event, generated_tokens from the details; TTFT/ITL as configured', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, ['--streaming', '--use-server-token-count']);
    expect(result.code, result.stderr).toBe(0);
    expect(servers.proxy.exchanges).toHaveLength(9);
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe('/generate_stream');
      const body = request.body as { inputs: string; parameters: Record<string, unknown> };
      expect(Object.keys(body).sort()).toEqual(['inputs', 'parameters']);
      expect(body.parameters).toEqual({ max_new_tokens: 20, ignore_eos: true });
      expect(body.inputs.length).toBeGreaterThan(50);
    }
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.output_sequence_length).toMatchObject({ avg: 20, min: 20, max: 20 });
    expectNear(summary.time_to_first_token, 60);
    expectNear(summary.inter_token_latency, 8, 'avg');
    expectNear(summary.request_latency, 212);
    const raw = readJsonl(join(dir, 'profile_export_raw.jsonl'));
    expect(raw[0].responses).toHaveLength(20);
    expect(JSON.parse(raw[0].responses.at(-1).data).details).toMatchObject({ generated_tokens: 20, finish_reason: 'length' });
  });

  it('non-streaming /generate: the generated_text is counted by the client tokenizer', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, []);
    expect(result.code, result.stderr).toBe(0);
    expect(new Set(servers.proxy.exchanges.map((r) => r.path))).toEqual(new Set(['/generate']));
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.output_sequence_length.avg).toBeGreaterThan(15);
    expectNear(summary.request_latency, 212);
  });
});
