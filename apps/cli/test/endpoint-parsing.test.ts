// How endpoint types parse answers and reject bad settings, end to end through `aiperf profile` (in-process) against
// the mock server behind a recording proxy. None of these checks has a wall-clock bound (they read what was parsed,
// what failed and what was sent), so they run in the parallel e2e group against a fast mock (5 ms TTFT, 1 ms a
// token); the latency checks of each type are its `endpoint-<type>.timing.test.ts`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { QUIET_RUN, TEMPLATE, readJson, readJsonl, runDir, useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock({ ttftMs: 5, itlMs: 1 });

describe('aiperf profile --endpoint-type template', () => {
  const dirs = { make: () => runDir('aiperf-template-') };
    const run = (dir: string, path: string, extraInputs: Record<string, unknown>, extra: string[] = []) =>
    runInProcess([
      'profile', '--model', 'custom-mock', '--url', `${servers.proxy.url}${path}`, '--endpoint-type', 'template', '--request-count', '6', '--concurrency', '2',
      '--osl', '20', '--isl', '32', '--tokenizer', 'builtin', '--extra-inputs', JSON.stringify(extraInputs), '--artifact-dir', dir, ...QUIET_RUN, ...extra,
    ]);

  it('a response_field that matches nothing: every request fails naming the setting, with the body', async () => {
    const dir = await dirs.make();
    const result = await run(dir, '/generate', { payload_template: TEMPLATE, response_field: 'output.text' });
    expect(result.code).toBe(1);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    const total = summary.error_summary.reduce((sum: number, e: { count: number }) => sum + e.count, 0);
    expect(total).toBe(6);
    expect(summary.error_summary[0].error_details.message).toMatch(/^--extra-inputs response_field "output\.text" matched nothing in the response: \{"generated_text":/);
  });

  it.each([
    [{ payload_template: '{"inputs": {{ txt|tojson }}}' }, /^aiperf: --extra-inputs payload_template: unknown placeholder "txt"; allowed: text, texts, /m],
    [{ payload_template: TEMPLATE, response_field: 'choices[0' }, /^aiperf: --extra-inputs response_field: "choices\[0" is not a JMESPath expression/m],
    [{ response_field: 'text' }, /^aiperf: --extra-inputs payload_template: required with --endpoint-type template/m],
    [{ payload_template: '[{{ text|tojson }}]' }, /^aiperf: --extra-inputs payload_template: the template must render a JSON object/m],
  ])('bad template settings: one line naming the setting, exit 2, before any request (%j)', async (extraInputs, message) => {
    servers.proxy.exchanges.length = 0;
    const result = await run(await dirs.make(), '/generate', extraInputs);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(servers.proxy.exchanges).toHaveLength(0);
  });
});

describe('aiperf profile --endpoint-type messages', () => {
  const dirs = { make: () => runDir('aiperf-messages-') };

  it('extended thinking: thinking_delta text is reasoning (counted apart), text_delta the answer; TTFO after the thinking', async () => {
    const dir = await dirs.make();
    // 400 tokens a request at the file's 1 ms a token: what is checked is how the events are parsed, not when they came.
    const result = await runInProcess([
      'profile', '--model', 'claude-mock', '--url', servers.mock.url, '--endpoint-type', 'messages', '--streaming', '--request-count', '3',
      '--osl', '400', '--isl', '32', '--tokenizer', 'builtin', '--extra-inputs', JSON.stringify({ thinking: { type: 'enabled', budget_tokens: 1024 } }),
      '--artifact-dir', dir, ...QUIET_RUN,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    for (const record of records) {
      // The mock thinks 250 tokens (one word each) before answering.
      expect(Math.abs(record.metrics.reasoning_token_count.value - 250)).toBeLessThanOrEqual(5);
      expect(record.metrics.output_sequence_length.value).toBeGreaterThan(15);
    }
  });

  it('a chat server answering a messages run: every request fails with the offending body quoted, the run does not crash', async () => {
    const dir = await dirs.make();
    const result = await runInProcess([
      'profile', '--model', 'claude-mock', '--url', servers.mock.url, '--endpoint-type', 'messages', '--custom-endpoint', '/v1/chat/completions',
      '--request-count', '3', '--osl', '4', '--artifact-dir', dir, ...QUIET_RUN,
    ]);
    // A run whose every request failed exits 1 (not a usage error, not a crash: no stack).
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    // One entry per answer: each quotes its own body (the ids differ).
    expect(summary.error_summary.reduce((sum: number, e: { count: number }) => sum + e.count, 0)).toBe(3);
    for (const entry of summary.error_summary) {
      expect(entry.error_details.type).toBe('InvalidResponseError');
      expect(entry.error_details.message).toMatch(/does not match endpoint type "messages": \{"id":"chatcmpl-/);
    }
  });
});
