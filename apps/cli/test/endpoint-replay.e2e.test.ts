// Payload replay (`--custom-dataset-type inputs_json`) end to end: a run's own inputs.json, and JSONL request
// bodies, sent verbatim to the mock server through a recording proxy.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, runDir, readJson, readJsonl, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 5, itlMs: 1 });
const dirs = { make: () => runDir('aiperf-replay-') };

const profile = (args: string[]) => runInProcess(['profile', '--url', servers.proxy.url, '--tokenizer', 'builtin', ...QUIET_RUN, ...args]);

describe('payload replay: --custom-dataset-type inputs_json', () => {
  it("replays a run's own inputs.json: the same bodies, byte for byte as JSON", async () => {
    const first = await dirs.make();
    servers.proxy.exchanges.length = 0;
    const recorded = await profile(['--model', 'm1', '--request-count', '4', '--num-dataset-entries', '4', '--osl', '6', '--isl', '24', '--artifact-dir', first]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const sent = servers.proxy.exchanges.map((r) => r.body);
    const inputs = readJson(join(first, 'inputs.json'));
    const payloads = inputs.data.flatMap((s: { payloads: unknown[] }) => s.payloads);
    expect(payloads).toHaveLength(4);

    servers.proxy.exchanges.length = 0;
    const replay = await dirs.make();
    const result = await profile(['--model', 'other', '--input-file', join(first, 'inputs.json'), '--custom-dataset-type', 'inputs_json', '--request-count', '4', '--artifact-dir', replay]);
    expect(result.code, result.stderr).toBe(0);
    const replayed = servers.proxy.exchanges.map((r) => r.body);
    // Verbatim: the model of the recorded bodies, not --model; the same set of bodies as the first run sent.
    expect(replayed.map((b) => JSON.stringify(b)).sort()).toEqual(sent.map((b) => JSON.stringify(b)).sort());
    expect(readJson(join(replay, 'profile_export_aiperf.json')).error_summary).toEqual([]);
  });

  it('replays JSONL bodies for another API (Anthropic) and keeps a session’s payloads in order', async () => {
    const dir = await dirs.make();
    const bodies = [
      { model: 'claude-mock', max_tokens: 5, messages: [{ role: 'user', content: 'first body' }], metadata: { user_id: 'u1' } },
      { model: 'claude-mock', max_tokens: 7, system: 'terse', messages: [{ role: 'user', content: 'second body' }] },
    ];
    const file = join(dirname(dir), 'bodies.jsonl');
    writeFileSync(file, `${bodies.map((b) => JSON.stringify(b)).join('\n')}\n`);
    servers.proxy.exchanges.length = 0;
    const result = await profile(['--model', 'x', '--endpoint-type', 'messages', '--input-file', file, '--custom-dataset-type', 'inputs_json', '--request-count', '2', '--artifact-dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(servers.proxy.exchanges.map((r) => r.path)).toEqual(['/v1/messages', '/v1/messages']);
    expect(servers.proxy.exchanges.map((r) => r.body).sort((a: any, b: any) => a.max_tokens - b.max_tokens)).toEqual(bodies);
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records.map((r) => r.metrics.output_sequence_length.value).sort()).toEqual([5, 7]);

    const sessions = join(dirname(dir), 'sessions.json');
    const turn = (content: string) => ({ model: 'm', max_completion_tokens: 3, messages: [{ role: 'user', content }] });
    writeFileSync(sessions, JSON.stringify({ data: [{ session_id: 's1', payloads: [turn('s1 t0'), turn('s1 t1'), turn('s1 t2')] }, { session_id: 's2', payloads: [turn('s2 t0')] }] }));
    servers.proxy.exchanges.length = 0;
    const multi = await profile(['--model', 'x', '--input-file', sessions, '--custom-dataset-type', 'inputs_json', '--concurrency', '1', '--request-count', '4', '--artifact-dir', await dirs.make()]);
    expect(multi.code, multi.stderr).toBe(0);
    const s1 = servers.proxy.exchanges.map((r) => (r.body as any).messages[0].content).filter((c: string) => c.startsWith('s1'));
    expect(s1).toEqual(['s1 t0', 's1 t1', 's1 t2']);
    expect(servers.proxy.exchanges).toHaveLength(4);
  });

  it('a body that is not a JSON object: one line naming --input-file and the line, exit 2', async () => {
    const dir = await dirs.make();
    const file = join(dirname(dir), 'bad.jsonl');
    writeFileSync(file, '{"prompt": "ok"}\n[1, 2]\n');
    servers.proxy.exchanges.length = 0;
    const result = await profile(['--model', 'x', '--input-file', file, '--custom-dataset-type', 'inputs_json', '--artifact-dir', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--input-file: .*bad\.jsonl line 2: a request body must be a JSON object/);
    expect(servers.proxy.exchanges).toHaveLength(0);
  });
});
