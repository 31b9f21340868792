// Synthetic multi-turn conversations end to end, through a recording proxy: turns per conversation, the history
// resent on each turn, think time between turns, one session-affinity id per conversation, connection reuse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';
import { type ChatCompletionBody, type RecordedExchange, makeTempDirSync } from '@aiperf/test-kit';
import { useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock<ChatCompletionBody>({ ttftMs: 1, itlMs: 1 });
const root = makeTempDirSync('aiperf-workloads-sessions-');

const profile = async (name: string, extra: string[]) => {
  const dir = join(root, name);
  const result = await runInProcess([
    'profile', '-m', 'mock-model', '-u', servers.proxy.url, '--isl', '20', '--osl', '3', '--random-seed', '3', '--workers', '1',
    '--artifact-dir', dir, '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', ...extra,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return { dir, result };
};

/** Exchanges grouped by conversation (the x-correlation-id unless another header is named), in send order. */
const byConversation = (header = 'x-correlation-id') => {
  const sessions = new Map<string, RecordedExchange<ChatCompletionBody>[]>();
  for (const e of servers.proxy.exchanges) {
    const id = String(e.headers[header]);
    sessions.set(id, [...(sessions.get(id) ?? []), e]);
  }
  return [...sessions.values()];
};

describe('synthetic multi-turn (--conversation-turn-mean, --conversation-turn-delay-mean)', () => {
  test('each conversation runs its turns in order, resending the history, after the think time', async () => {
    const { dir } = await profile('turns', ['--conversation-num', '4', '--num-dataset-entries', '4', '--conversation-turn-mean', '3', '--conversation-turn-delay-mean', '60', '--concurrency', '2']);
    const sessions = byConversation();
    expect(sessions.map((s) => s.length)).toEqual([3, 3, 3, 3]);
    for (const turns of sessions) {
      turns.forEach((turn, t) => {
        expect(turn.body.messages).toHaveLength(2 * t + 1);
        // Every earlier prompt and answer, exactly as they were sent and received.
        for (let k = 0; k < t; k++) {
          expect(turn.body.messages[2 * k]).toEqual(turns[k]!.body.messages.at(-1));
          expect(turn.body.messages[2 * k + 1]).toEqual({ role: 'assistant', content: turns[k]!.answer });
        }
        if (t > 0) expect(turn.receivedMs - turns[t - 1]!.answeredMs).toBeGreaterThanOrEqual(55);
      });
    }
    // inputs.json: every conversation with one payload per turn, each turn's own prompt.
    const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
    expect(inputs.data.map((s: { payloads: unknown[] }) => s.payloads.length)).toEqual([3, 3, 3, 3]);
    const sentPrompts = new Set(servers.proxy.exchanges.map((e) => e.body.messages.at(-1)!.content));
    for (const session of inputs.data as Array<{ payloads: Array<{ messages: Array<{ role: string; content: string }> }> }>) {
      for (const payload of session.payloads) {
        expect(payload.messages).toHaveLength(1);
        expect(sentPrompts.has(payload.messages[0]!.content)).toBe(true);
      }
    }
    const records = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
    expect(records).toHaveLength(12);
  });

  test('--conversation-turn-stddev varies the turns; --conversation-turn-delay-ratio 0 removes the think time', async () => {
    await profile('varied', ['--conversation-num', '8', '--num-dataset-entries', '8', '--conversation-turn-mean', '3', '--conversation-turn-stddev', '1.5',
      '--conversation-turn-delay-mean', '5000', '--conversation-turn-delay-ratio', '0', '--concurrency', '4']);
    const lengths = byConversation().map((s) => s.length);
    expect(lengths).toHaveLength(8);
    expect(new Set(lengths).size).toBeGreaterThan(1);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1);
  });
});

describe('--session-header and --connection-reuse-strategy', () => {
  test('--session-header names the per-conversation header (instead of X-Correlation-ID)', async () => {
    await profile('header', ['--conversation-num', '3', '--num-dataset-entries', '3', '--conversation-turn-mean', '2', '--session-header', 'X-Session-ID']);
    expect(servers.proxy.exchanges.every((e) => e.headers['x-correlation-id'] === undefined)).toBe(true);
    const sessions = byConversation('x-session-id');
    expect(sessions.map((s) => s.length)).toEqual([2, 2, 2]);
  });

  test('sticky-user-sessions: one connection per conversation; never: one per request; pooled: shared', async () => {
    const connections = async (strategy: string) => {
      servers.proxy.exchanges.length = 0;
      await profile(`reuse-${strategy}`, ['--conversation-num', '3', '--num-dataset-entries', '3', '--conversation-turn-mean', '3', '--concurrency', '1', '--connection-reuse-strategy', strategy]);
      return byConversation().map((turns) => turns.map((t) => t.connection));
    };
    const sticky = await connections('sticky-user-sessions');
    expect(sticky.every((c) => new Set(c).size === 1)).toBe(true);
    expect(new Set(sticky.flat()).size).toBe(3);
    const never = await connections('never');
    expect(new Set(never.flat()).size).toBe(9);
    const pooled = await connections('pooled');
    expect(new Set(pooled.flat()).size).toBe(1);
  });
});
