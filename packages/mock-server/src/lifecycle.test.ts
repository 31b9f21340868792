import { request } from 'node:http';
import { until } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { startMockServer } from './index.js';
import { chatBody, postRaw } from './test-support.js';

describe('server lifecycle', () => {
  it('survives clients that hang up mid-stream and forgets their requests', async () => {
    const server = await startMockServer({ port: 0, ttftMs: 1, itlMs: 5 });
    try {
      await new Promise<void>((resolve, reject) => {
        const client = request(`${server.url}/v1/chat/completions`, { method: 'POST' }, (response) => {
          let events = 0;
          response.on('data', (text: Buffer) => {
            events += text.toString().split('\n\n').length - 1;
            if (events >= 3) {
              client.destroy();
              resolve();
            }
          });
        });
        client.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
        client.end(JSON.stringify(chatBody({ max_tokens: 200 })));
      });
      // The server notices the hang-up at its next write: wait for that rather than guess how long it takes.
      await until(() => server.stats().requests.active === 0, () => `${server.stats().requests.active} requests still active`);
      expect(server.stats().requests).toMatchObject({ active: 0, completed: 0, streaming: 1 });
      const next = await postRaw(`${server.url}/v1/chat/completions`, chatBody({ max_tokens: 3 }));
      expect(next.events.at(-1)?.data).toBe('[DONE]');
      expect(server.stats().requests).toMatchObject({ active: 0, completed: 1, total: 2 });
      // resetStats() zeroes the counters, even with a stream in flight, whose end still counts.
      // 40 tokens at 5 ms: in flight for 200 ms, time enough to see it arrive on a loaded machine.
      const inFlight = postRaw(`${server.url}/v1/chat/completions`, chatBody({ max_tokens: 40 }));
      await until(() => server.stats().requests.active === 1, () => 'the request in flight never reached the server');
      server.resetStats();
      expect(server.stats().requests).toMatchObject({ total: 0, completed: 0, active: 1 });
      await inFlight;
      expect(server.stats().requests).toMatchObject({ total: 0, completed: 1, active: 0 });
      expect(server.stats().tokens.completion).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('close() cuts streams in flight instead of waiting for them, and frees the port', async () => {
    const server = await startMockServer({ port: 0, ttftMs: 1, itlMs: 100 });
    const pending = postRaw(`${server.url}/v1/chat/completions`, chatBody({ max_tokens: 100 })); // 10 s of tokens
    await until(() => server.stats().requests.active === 1, () => 'the stream never reached the server');
    await server.close();
    const cut = await pending;
    expect(cut.error).toBeDefined();
    expect(cut.events.length).toBeLessThan(100);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('answers unknown paths with 404 and wrong methods with 405, in the OpenAI error shape', async () => {
    const server = await startMockServer({ port: 0 });
    try {
      const missing = await fetch(`${server.url}/v1/nothing`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { message: 'no route for GET /v1/nothing' } });
      const wrongMethod = await fetch(`${server.url}/v1/chat/completions`);
      expect(wrongMethod.status).toBe(405);
      const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
    } finally {
      await server.close();
    }
  });
});
