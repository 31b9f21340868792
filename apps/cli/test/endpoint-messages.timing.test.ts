// `--endpoint-type messages` (Anthropic Messages API) end to end: aiperf against the mock server (TTFT 60 ms,
// ITL 8 ms) through a recording proxy. Tolerances are generous for a loaded CI machine; they check that the
// parsed events land where the mock put them, not speed. Extended thinking and a chat server answering a messages
// run (no wall-clock bound) are `endpoint-parsing.test.ts`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, expectNear, readJson, readJsonl, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 60, itlMs: 8 });
const dirs = { make: () => runDir('aiperf-messages-') };

const run = (dir: string, extra: string[]) =>
  runInProcess([
    'profile', '--model', 'claude-mock', '--url', servers.proxy.url, '--endpoint-type', 'messages', '--request-count', '12', '--concurrency', '3',
    '--osl', '20', '--isl', '64', '--extra-inputs', 'ignore_eos:true', '--api-key', 'sk-ant-test', '--artifact-dir', dir, ...QUIET_RUN, ...extra,
  ]);

describe('aiperf profile --endpoint-type messages', () => {
  it('streams: Anthropic request shape and headers, text from content_block_delta, usage from message_start/message_delta, TTFT/ITL as configured', async () => {
    servers.proxy.exchanges.length = 0;
    const dir = await dirs.make();
    const result = await run(dir, ['--streaming']);
    expect(result.code, result.stderr).toBe(0);

    expect(servers.proxy.exchanges).toHaveLength(12);
    for (const request of servers.proxy.exchanges) {
      expect(request.path).toBe('/v1/messages');
      expect(request.headers['x-api-key']).toBe('sk-ant-test');
      expect(request.headers['anthropic-version']).toBe('2023-06-01');
      expect(request.headers.authorization).toBeUndefined();
      expect(request.body).toMatchObject({ model: 'claude-mock', max_tokens: 20, stream: true, ignore_eos: true });
      const { messages } = request.body as { messages: Array<{ role: string; content: string }> };
      expect(messages).toHaveLength(1);
      expect(messages[0]!.role).toBe('user');
      expect(messages[0]!.content.length).toBeGreaterThan(50);
    }

    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.request_count.avg).toBe(12);
    expect(summary.output_sequence_length).toMatchObject({ avg: 20, min: 20, max: 20 });
    expectNear(summary.time_to_first_token, 60);
    expectNear(summary.inter_token_latency, 8, 'avg');
    // Latency = TTFT + 19 gaps ≈ 212 ms.
    expectNear(summary.request_latency, 212);

    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records).toHaveLength(12);
    const raw = readJsonl(join(dir, 'profile_export_raw.jsonl'));
    const types = raw[0].responses.map((r: { data: string }) => JSON.parse(r.data).type);
    expect(types.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping']);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
  });

  it('non-streaming: one message body; the latency is the whole answer', async () => {
    const dir = await dirs.make();
    const result = await run(dir, ['--use-server-token-count']);
    expect(result.code, result.stderr).toBe(0);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.error_summary).toEqual([]);
    expect(summary.time_to_first_token ?? null).toBeNull();
    expect(summary.output_sequence_length).toMatchObject({ avg: 20, min: 20, max: 20 });
    expectNear(summary.request_latency, 212);
    // Server token counts: input_tokens as the mock counted them, the same for every record as the client's ISL ± tokenizer.
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    for (const record of records) expect(record.metrics.output_sequence_length.value).toBe(20);
  });
});
