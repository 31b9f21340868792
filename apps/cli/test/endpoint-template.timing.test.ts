// `--endpoint-type template` end to end: a custom JSON API described by a Jinja body template and JMESPath
// response paths (here the mock's TGI routes, as a stand-in for any API aiperf has no type for), through a
// recording proxy, with latencies as the mock's. The bad-input checks (no wall-clock bound) are
// `endpoint-parsing.test.ts`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, TEMPLATE, runDir, expectNear, readJson, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 60, itlMs: 8 });
const dirs = { make: () => runDir('aiperf-template-') };

const run = (dir: string, path: string, extraInputs: Record<string, unknown>, extra: string[] = []) =>
  runInProcess([
    'profile', '--model', 'custom-mock', '--url', `${servers.proxy.url}${path}`, '--endpoint-type', 'template', '--request-count', '6', '--concurrency', '2',
    '--osl', '20', '--isl', '32', '--tokenizer', 'builtin', '--extra-inputs', JSON.stringify(extraInputs), '--artifact-dir', dir, ...QUIET_RUN, ...extra,
  ]);

describe('aiperf profile --endpoint-type template', () => {
  it('non-streaming: the body rendered from the template (+ other extra inputs), text from response_field', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, '/generate', { payload_template: TEMPLATE, response_field: 'generated_text', priority: 3 });
    expect(result.code, result.stderr).toBe(0);
    expect(servers.proxy.exchanges).toHaveLength(6);
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe('/generate');
      const body = request.body as { inputs: string; parameters: unknown; tag: string; priority: number };
      expect(Object.keys(body).sort()).toEqual(['inputs', 'parameters', 'priority', 'tag']);
      expect(body).toMatchObject({ parameters: { max_new_tokens: 20, ignore_eos: true }, tag: 'custom-mock', priority: 3 });
      expect(body.inputs.length).toBeGreaterThan(30);
    }
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.output_sequence_length.avg).toBeGreaterThan(15);
    expectNear(summary.request_latency, 212);
  });

  it('streaming from a template file: token text per SSE event, usage from usage_field; TTFT/ITL as configured', async () => {
    const dir = await dirs.make();
    const file = join(dirname(dir), 'body.json.j2');
    writeFileSync(file, TEMPLATE);
    const result = await run(dir, '/generate_stream', { payload_template: file, response_field: 'token.text', usage_field: 'details.generated_tokens' }, ['--streaming', '--use-server-token-count']);
    expect(result.code, result.stderr).toBe(0);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.output_sequence_length).toMatchObject({ avg: 20, min: 20, max: 20 });
    expectNear(summary.time_to_first_token, 60);
    expectNear(summary.inter_token_latency, 8, 'avg');
  });
});
