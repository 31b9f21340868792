import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useSdkClient } from './test-support.js';

// The official `openai` client is the reference: if it can read our streams, real tools can.
describe('the official openai client against the mock server', () => {
  const { server, client } = useSdkClient((url) => new OpenAI({ baseURL: `${url}/v1`, apiKey: 'not-needed', maxRetries: 0 }));

  it('streams a chat completion with content and a final usage chunk', async () => {
    const stream = await client().chat.completions.create({
      model: 'demo-model',
      messages: [{ role: 'user', content: 'Tell me a short story about a lighthouse keeper.' }],
      max_completion_tokens: 12,
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let roles = 0;
    let contentChunks = 0;
    const finishReasons: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect(chunk.model).toBe('demo-model');
      expect(chunk.id).toMatch(/^chatcmpl-/);
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.role) roles += 1;
      if (choice.delta.content) {
        content += choice.delta.content;
        contentChunks += 1;
      }
      finishReasons.push(choice.finish_reason);
    }
    expect(roles).toBe(1);
    expect(contentChunks).toBe(12);
    expect(content.split(' ')).toHaveLength(12);
    expect(finishReasons.at(-1)).toBe('length');
    expect(finishReasons.slice(0, -1).every((reason) => reason === null)).toBe(true);
    expect(usage).toEqual({
      prompt_tokens: 10,
      completion_tokens: 12,
      total_tokens: 22,
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('streams a text completion with usage', async () => {
    const stream = await client().completions.create({
      model: 'demo-model',
      prompt: 'Once upon a time',
      max_tokens: 7,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('text_completion');
      text += chunk.choices[0]?.text ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text.split(' ')).toHaveLength(7);
    expect(usage).toEqual({ prompt_tokens: 4, completion_tokens: 7, total_tokens: 11 });
  });

  it('answers non-streaming chat and completions with message, finish reason and usage', async () => {
    const chat = await client().chat.completions.create({
      model: 'demo-model',
      messages: [{ role: 'user', content: 'hi there' }],
      max_tokens: 20,
    });
    expect(chat.object).toBe('chat.completion');
    expect(chat.choices[0]?.message.role).toBe('assistant');
    // No ignore_eos: the natural length (16 for a 2-token prompt) ends before the limit.
    expect(chat.choices[0]?.finish_reason).toBe('stop');
    expect(chat.choices[0]?.message.content?.split(' ')).toHaveLength(16);
    expect(chat.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 16, total_tokens: 18 });

    const completion = await client().completions.create({
      model: 'demo-model',
      prompt: 'hi there',
      max_tokens: 20,
      ignore_eos: true,
    } as OpenAI.CompletionCreateParamsNonStreaming);
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage).toEqual({ prompt_tokens: 2, completion_tokens: 20, total_tokens: 22 });
  });

  it('lists models and returns deterministic embeddings (base64, as the client asks)', async () => {
    const models = await client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(['mock-model']);
    const first = await client().embeddings.create({ model: 'embed', input: ['a cat', 'a dog'] });
    const again = await client().embeddings.create({ model: 'embed', input: ['a cat'] });
    expect(first.data).toHaveLength(2);
    expect(first.data[0]?.embedding).toHaveLength(768);
    expect(again.data[0]?.embedding).toEqual(first.data[0]?.embedding);
    expect(first.data[1]?.embedding).not.toEqual(first.data[0]?.embedding);
    const norm = Math.hypot(...(first.data[0]?.embedding ?? []));
    expect(norm).toBeCloseTo(1, 4);
    expect(first.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
    const short = await client().embeddings.create({ model: 'embed', input: 'a cat', dimensions: 64, encoding_format: 'float' });
    expect(short.data[0]?.embedding).toHaveLength(64);
  });
});
