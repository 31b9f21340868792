import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, planEvents } from './plan.js';
import { startTimedSseServer } from './server.js';

describe('planEvents', () => {
  it('puts role, pings and empty deltas around the content, then finish, late usage and a later [DONE]', () => {
    const events = planEvents({ ...DEFAULT_PLAN, ttftMs: 100, itlMs: 15, contentChunks: 3, usageDelayMs: 200, doneDelayMs: 50 });
    expect(events.map((e) => `${e.kind}@${e.atMs}`)).toEqual([
      'role@0', 'ping@50', 'content@100', 'ping@105', 'empty@110', 'content@115', 'ping@120', 'empty@125', 'content@130',
      'finish@130', 'usage@330', 'done@380',
    ]);
  });

  it('writes the rest of the content in one write from the burst chunk on', () => {
    const events = planEvents({ ...DEFAULT_PLAN, ttftMs: 10, itlMs: 10, contentChunks: 4, pingComments: false, emptyDeltas: false, burstFromChunk: 2 });
    expect(events.map((e) => `${e.kind}@${e.atMs}${e.joinPrevious ? '+' : ''}`)).toEqual([
      'role@0', 'content@10', 'content@20', 'content@30', 'content@30+', 'finish@30', 'usage@30', 'done@30',
    ]);
  });
});

describe('startTimedSseServer', () => {
  it('streams per the plan and logs true write times and token counts', async () => {
    const server = await startTimedSseServer({ plan: { ttftMs: 30, itlMs: 5, contentChunks: 4, usageDelayMs: 40, reportCompletionTokens: (n) => n * 2 } });
    try {
      const res = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'r1' },
        body: JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'Hello there' }] }),
      });
      const text = await res.text();
      expect(text).toContain(': ping');
      expect(text).toContain('"content":" the"');
      expect(text.trim().endsWith('data: [DONE]')).toBe(true);
      expect(text).toContain('"choices":[],"usage":{"prompt_tokens":2,"completion_tokens":8');
      const truth = server.truthFor('r1')!;
      expect(truth.outputTokens).toBe(4);
      expect(truth.reportedCompletionTokens).toBe(8);
      expect(truth.ttftMs!).toBeGreaterThanOrEqual(30);
      expect(truth.lastContentMs! - truth.ttftMs!).toBeGreaterThanOrEqual(14);
      const logged = (await (await fetch(`${server.url}/truths`)).json()) as Array<{ requestId: string }>;
      expect(logged.map((t) => t.requestId)).toEqual(['r1']);
      const usageWrite = truth.writes.find((w) => w.kinds.includes('usage'))!;
      expect(usageWrite.atMs - truth.lastContentMs!).toBeGreaterThanOrEqual(39);
    } finally {
      await server.close();
    }
  });
});
