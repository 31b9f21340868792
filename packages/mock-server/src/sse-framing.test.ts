import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './index.js';
import { chatBody, postRaw } from './test-support.js';

describe('raw SSE framing', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1, seed: 1 });
  });
  afterAll(() => server.close());

  it('sends one `data: {json}\\n\\n` event per token, a usage chunk, then `data: [DONE]`', async () => {
    const url = `${server.url}/v1/chat/completions`;
    const exchange = await postRaw(url, chatBody({ max_tokens: 6, stream_options: { include_usage: true } }));
    expect(exchange.status).toBe(200);
    expect(exchange.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(exchange.headers['cache-control']).toBe('no-cache');
    // Every event is exactly one `data: ` line followed by a blank line.
    expect(exchange.raw).toMatch(/^(data: [^\n]+\n\n)+$/);
    expect(exchange.events.map((event) => event.data).at(-1)).toBe('[DONE]');
    const chunks = exchange.events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(chunks).toHaveLength(7);
    const [first, ...rest] = chunks;
    expect(first).toMatchObject({
      object: 'chat.completion.chunk',
      model: 'test-model',
      choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null, logprobs: null }],
      usage: null,
    });
    expect(typeof first.created).toBe('number');
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(rest.slice(0, 5).every((chunk) => chunk.choices[0].delta.role === undefined)).toBe(true);
    expect(rest[4].choices[0].finish_reason).toBe('length');
    expect(rest[5]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 5, completion_tokens: 6, total_tokens: 11 },
    });
  });

  it('delivers a long zero-latency stream whole (batched writes with back-pressure)', async () => {
    const fast = await startMockServer({ port: 0, ttftMs: 0, itlMs: 0 });
    try {
      const body = chatBody({ max_tokens: 20_000, stream_options: { include_usage: true } });
      const exchange = await postRaw(`${fast.url}/v1/chat/completions`, body);
      expect(exchange.events).toHaveLength(20_002);
      expect(JSON.parse(exchange.events.at(-2)!.data).usage.completion_tokens).toBe(20_000);
      expect(fast.stats().tokens.completion).toBe(20_000);
    } finally {
      await fast.close();
    }
  });

  it('sends no usage without stream_options.include_usage, and completions as text_completion', async () => {
    const exchange = await postRaw(`${server.url}/v1/completions`, {
      model: 'm',
      prompt: 'hello world',
      max_tokens: 4,
      stream: true,
    });
    const chunks = exchange.events.slice(0, -1).map((event) => JSON.parse(event.data));
    expect(chunks).toHaveLength(4);
    for (const chunk of chunks) {
      expect(chunk).not.toHaveProperty('usage');
      expect(chunk).toMatchObject({ object: 'text_completion', choices: [{ index: 0, logprobs: null }] });
    }
    expect(chunks.map((chunk) => chunk.choices[0].text).join('').split(' ')).toHaveLength(4);
  });

  it('emits reasoning_content tokens before the answer, counted in reasoning_tokens', async () => {
    const exchange = await postRaw(
      `${server.url}/v1/chat/completions`,
      chatBody({ max_tokens: 10, stream_options: { include_usage: true } }),
      { 'x-mock-reasoning-tokens': '4' },
    );
    const chunks = exchange.events.slice(0, -1).map((event) => JSON.parse(event.data));
    const deltas = chunks.slice(0, -1).map((chunk) => chunk.choices[0].delta);
    expect(deltas.map((delta) => ('reasoning_content' in delta ? 'r' : 'c')).join('')).toBe('rrrrcccccc');
    expect(deltas[4].content).not.toMatch(/^ /);
    expect(chunks.at(-1).usage).toEqual({
      prompt_tokens: 5,
      completion_tokens: 10,
      total_tokens: 15,
      completion_tokens_details: { reasoning_tokens: 4 },
    });
  });

  it('derives reasoning from reasoning_effort when the server sets no count (low = 100 tokens)', async () => {
    const body = chatBody({ stream: false, max_tokens: 120, reasoning_effort: 'low' });
    const exchange = await postRaw(`${server.url}/v1/chat/completions`, body);
    const answer = JSON.parse(exchange.raw);
    expect(answer.choices[0].message.reasoning_content.split(' ')).toHaveLength(100);
    expect(answer.choices[0].message.content.split(' ')).toHaveLength(20);
    expect(answer.usage.completion_tokens_details).toEqual({ reasoning_tokens: 100 });
    const bad = await postRaw(`${server.url}/v1/chat/completions`, { ...body, reasoning_effort: 'extreme' });
    expect(JSON.parse(bad.raw).error.message).toBe(
      '`reasoning_effort` must be one of minimal, low, medium, high, got "extreme"',
    );
  });

  it('rejects bad requests with an OpenAI error body naming the field', async () => {
    const bad = await postRaw(`${server.url}/v1/chat/completions`, { model: 'm', messages: 'hi' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.raw)).toEqual({
      error: { message: '`messages` must be an array of chat messages', type: 'invalid_request_error', param: null, code: null },
    });
    const badMax = await postRaw(`${server.url}/v1/completions`, { prompt: 'x', max_tokens: 0 });
    expect(JSON.parse(badMax.raw).error.message).toBe('`max_tokens` must be an integer >= 1, got 0');
    const badHeader = await postRaw(`${server.url}/v1/completions`, { prompt: 'x' }, { 'x-mock-error-rate': '2' });
    expect(JSON.parse(badHeader.raw).error.message).toBe(
      'header x-mock-error-rate: got 2, expected a fraction between 0 and 1',
    );
  });
});
