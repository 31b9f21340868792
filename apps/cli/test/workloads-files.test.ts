// Datasets from local files through the CLI, recorded by a proxy in front of the mock server: ShareGPT,
// random_pool directories, BurstGPT CSV and Bailian traces (sorted, sped up), and their bad-input errors.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';
import { type ChatCompletionBody, makeTempDirSync } from '@aiperf/test-kit';
import { useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock<ChatCompletionBody>({ ttftMs: 1, itlMs: 1 });
const root = makeTempDirSync('aiperf-workloads-files-');

const write = (name: string, text: string) => {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
};
const run = (name: string, args: string[]) =>
  runInProcess(['profile', '-m', 'mock-model', '-u', servers.proxy.url, '--tokenizer', 'builtin', '--concurrency', '1', '--workers', '1', '--random-seed', '1',
    '--artifact-dir', join(root, name), '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', ...args]);
const inputs = (name: string) => JSON.parse(readFileSync(join(root, name, 'inputs.json'), 'utf8')).data as Array<{ payloads: Array<{ messages: Array<{ content: string }>; max_completion_tokens?: number }> }>;

describe('--custom-dataset-type sharegpt (a local file)', () => {
  test('human turns become the prompts, asking for as many tokens as the recorded reply; conversations without a reply are skipped', async () => {
    const file = write('sharegpt.json', JSON.stringify([
      { id: 'a', conversations: [{ from: 'human', value: 'Name a prime.' }, { from: 'gpt', value: 'Seven.' }] },
      { id: 'b', conversations: [{ from: 'human', value: 'Only a question, no answer' }] },
      { id: 'c', conversations: [{ from: 'system', value: 'be brief' }, { from: 'human', value: 'Explain tides.' }, { from: 'gpt', value: 'The moon pulls the oceans, and the earth turns beneath the bulge, twice a day.' },
        { from: 'human', value: 'And spring tides?' }, { from: 'gpt', value: 'Sun and moon aligned.' }] },
    ]));
    const result = await run('sharegpt', ['--input-file', file, '--custom-dataset-type', 'sharegpt', '--conversation-num', '2']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`--input-file ${file}: skipped 1 conversation(s) without a human turn followed by a gpt reply`);
    const sessions = inputs('sharegpt');
    expect(sessions.map((s) => s.payloads.map((p) => p.messages.at(-1)!.content))).toEqual([['Name a prime.'], ['Explain tides.', 'And spring tides?']]);
    const [short, long] = [sessions[0]!.payloads[0]!.max_completion_tokens!, sessions[1]!.payloads[0]!.max_completion_tokens!];
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short * 4);
    // The second conversation's follow-up was sent with its history.
    expect(servers.proxy.exchanges.map((e) => e.body.messages.length)).toEqual([1, 1, 3]);
  });
});

describe('--custom-dataset-type random_pool (a directory)', () => {
  test('each entry joins one random line of every pool file, in file-name order; --conversation-num entries', async () => {
    const dir = join(root, 'pool');
    mkdirSync(dir);
    writeFileSync(join(dir, '1-questions.jsonl'), ['Q one?', 'Q two?', 'Q three?'].map((text) => JSON.stringify({ text })).join('\n'));
    writeFileSync(join(dir, '2-contexts.jsonl'), ['ctx alpha', 'ctx beta'].map((text) => JSON.stringify({ text, output_length: 5 })).join('\n'));
    const result = await run('pool', ['--input-file', dir, '--custom-dataset-type', 'random_pool', '--conversation-num', '12', '--request-count', '12']);
    expect(result.code, result.stderr).toBe(0);
    const prompts = inputs('pool').map((s) => s.payloads[0]!.messages[0]!.content);
    expect(prompts).toHaveLength(12);
    for (const prompt of prompts) expect(prompt).toMatch(/^Q (one|two|three)\?\nctx (alpha|beta)$/);
    expect(new Set(prompts).size).toBeGreaterThan(2);
    expect(inputs('pool').every((s) => s.payloads[0]!.max_completion_tokens === 5)).toBe(true);
  });
});

describe('trace formats', () => {
  test('BurstGPT CSV: rows out of order are sorted with a warning; --replay-speedup 10 replays the seconds ten times faster', async () => {
    const csv = write('burst.csv', [
      'Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type',
      '0,ChatGPT,40,4,44,Conversation log',
      '0.5,ChatGPT,60,6,66,Conversation log',
      '0.3,GPT-4,50,5,55,API log',
      '1.0,ChatGPT,70,7,77,Conversation log',
    ].join('\n'));
    const result = await run('burst', ['--input-file', csv, '--custom-dataset-type', 'burst_gpt_trace', '--fixed-schedule', '--replay-speedup', '10']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`--input-file ${csv}: 1 row(s) earlier than a row before them; replaying the trace sorted by timestamp`);
    expect(servers.proxy.exchanges.map((e) => e.body.max_completion_tokens)).toEqual([4, 5, 6, 7]);
    const receivedMs = servers.proxy.exchanges.map((e) => e.receivedMs);
    // The replay is checked by its shape, not by per-gap accuracy (in a cold process the first request reached the
    // proxy 6–11 ms late; the fixed-schedule accuracy test measures lateness): in timestamp order, spread over most
    // of the recorded 1.0 s at 10× (100 ms; all at once gives ~0), and well short of the recorded second (speedup ignored).
    for (let i = 1; i < receivedMs.length; i++) expect(receivedMs[i]!).toBeGreaterThan(receivedMs[i - 1]!);
    expect(receivedMs[3]! - receivedMs[0]!).toBeGreaterThanOrEqual(50);
    expect(receivedMs[3]! - receivedMs[0]!).toBeLessThan(600);
  });

  test('Bailian: a chat with a parent is the next turn of its conversation, after the recorded gap', async () => {
    const trace = write('bailian.jsonl', [
      { chat_id: 1, parent_chat_id: -1, timestamp: 0, input_length: 32, output_length: 4, type: 'text', turn: 1, hash_ids: [1, 2] },
      { chat_id: 2, parent_chat_id: -1, timestamp: 0.01, input_length: 32, output_length: 4, type: 'text', turn: 1, hash_ids: [1, 3] },
      { chat_id: 3, parent_chat_id: 1, timestamp: 0.2, input_length: 60, output_length: 6, type: 'text', turn: 2, hash_ids: [1, 2, 4, 5] },
    ].map((row) => JSON.stringify(row)).join('\n'));
    const result = await run('bailian', ['--input-file', trace, '--custom-dataset-type', 'bailian_trace', '--fixed-schedule-auto-offset']);
    expect(result.code, result.stderr).toBe(0);
    const sessions = inputs('bailian');
    expect(sessions.map((s) => s.payloads.map((p) => p.max_completion_tokens))).toEqual([[4, 6], [4]]);
    // Same first hash id, same first 16-token block: the two first turns share a prefix.
    const [a, b] = sessions.map((s) => s.payloads[0]!.messages[0]!.content);
    expect(a!.slice(0, 20)).toBe(b!.slice(0, 20));
    expect(a).not.toBe(b);
    const followUp = servers.proxy.exchanges.find((e) => e.body.messages.length === 3)!;
    const first = servers.proxy.exchanges.find((e) => e.body.messages[0]!.content === a)!;
    expect(followUp.receivedMs - first.answeredMs).toBeGreaterThanOrEqual(150);
  });
});

describe('bad trace files: file, line, field, what was expected; exit 2; nothing sent', () => {
  const refused = async (args: string[]) => {
    const result = await run('bad', args);
    expect(result.code).toBe(2);
    expect(servers.proxy.exchanges).toHaveLength(0);
    return result.stderr.trim().split('\n').filter((l) => !l.startsWith('warning: ')).join('\n');
  };

  test('BurstGPT: a bad number, a missing column', async () => {
    const bad = write('bad-burst.csv', 'Timestamp,Model,Request tokens,Response tokens\n0,m,10,5\n1,m,lots,5\n');
    expect(await refused(['--input-file', bad, '--custom-dataset-type', 'burst_gpt_trace', '--fixed-schedule'])).toBe(
      `aiperf: --input-file ${bad}:3: "Request tokens" is "lots"; allowed: a number ≥ 1`,
    );
    const noColumn = write('no-column.csv', 'Timestamp,Model,Response tokens\n0,m,5\n');
    expect(await refused(['--input-file', noColumn, '--custom-dataset-type', 'burst_gpt_trace', '--fixed-schedule'])).toBe(
      `aiperf: --input-file ${noColumn}:1: the header lacks "Request tokens"; expected the BurstGPT columns Timestamp, Request tokens, Response tokens`,
    );
  });

  test('Bailian: a turn before its parent (time going backwards in a conversation)', async () => {
    const backwards = write('backwards.jsonl', [
      { chat_id: 1, parent_chat_id: -1, timestamp: 5, input_length: 10, output_length: 2 },
      { chat_id: 2, parent_chat_id: 1, timestamp: 3, input_length: 20, output_length: 2 },
    ].map((row) => JSON.stringify(row)).join('\n'));
    expect(await refused(['--input-file', backwards, '--custom-dataset-type', 'bailian_trace'])).toBe(
      `aiperf: --input-file ${backwards}:2: "timestamp" 3 s is before its parent chat 1 (5 s); a conversation's turns must go forward in time`,
    );
  });

  test('ShareGPT: a record without conversations; random_pool: a directory without pools', async () => {
    const noConversations = write('bad-sharegpt.json', JSON.stringify([{ id: 'x', turns: [] }]));
    expect(await refused(['--input-file', noConversations, '--custom-dataset-type', 'sharegpt'])).toBe(
      `aiperf: --input-file ${noConversations}: record 1: "conversations" is undefined; expected an array of {"from", "value"}`,
    );
    const emptyDir = join(root, 'empty-pool');
    mkdirSync(emptyDir);
    expect(await refused(['--input-file', emptyDir, '--custom-dataset-type', 'random_pool'])).toBe(
      `aiperf: --input-file ${emptyDir}: the directory has no .jsonl files; random_pool reads every *.jsonl in it`,
    );
  });
});
