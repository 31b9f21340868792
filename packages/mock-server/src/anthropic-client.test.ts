import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { useSdkClient } from './test-support.js';

// The official Anthropic SDK is the reference for the Messages API shapes: its stream accumulator checks the
// event order (message_start first, deltas into an open content block) and throws on anything it cannot place.
describe('the official Anthropic SDK against the mock server', () => {
  const { server, client } = useSdkClient((url) => new Anthropic({ baseURL: url, apiKey: 'not-needed', maxRetries: 0 }));

  it('streams a message: raw typed events, text deltas and the usage of message_start/message_delta', async () => {
    const stream = await client().messages.create({
      model: 'claude-mock',
      max_tokens: 12,
      messages: [{ role: 'user', content: 'Tell me a short story about a lighthouse keeper.' }],
      stream: true,
    });
    const types: string[] = [];
    let text = '';
    let inputTokens: number | undefined;
    let outputTokens: number | undefined;
    let stopReason: string | null | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'message_start') inputTokens = event.message.usage.input_tokens;
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      if (event.type === 'message_delta') {
        outputTokens = event.usage.output_tokens;
        stopReason = event.delta.stop_reason;
      }
    }
    // The SDK drops `ping` events itself (the raw stream test below sees it).
    expect(types.slice(0, 2)).toEqual(['message_start', 'content_block_start']);
    expect(types.slice(2, 14)).toEqual(Array(12).fill('content_block_delta'));
    expect(types.slice(14)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(text.split(' ')).toHaveLength(12);
    expect(inputTokens).toBe(10);
    expect(outputTokens).toBe(12);
    expect(stopReason).toBe('max_tokens');
    expect(server().stats().requests).toMatchObject({ messages: 1, streaming: 1 });
  });

  it('the stream helper accumulates the final message (text, stop reason, usage)', async () => {
    const stream = client().messages.stream({
      model: 'claude-mock',
      max_tokens: 64,
      system: 'You are terse.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi there' }] }],
    });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const message = await stream.finalMessage();
    expect(message.id).toMatch(/^msg_/);
    expect(message.model).toBe('claude-mock');
    expect(message.role).toBe('assistant');
    // No ignore_eos: the natural length (16 for a short prompt) ends before the limit.
    expect(message.stop_reason).toBe('end_turn');
    expect(message.content).toEqual([{ type: 'text', text: deltas.join('') }]);
    expect(deltas).toHaveLength(16);
    expect(message.usage.output_tokens).toBe(16);
    expect(message.usage.input_tokens).toBe(6);
  });

  it('extended thinking: a thinking block (deltas + signature) before the text block; usage counts both', async () => {
    const stream = client().messages.stream({
      model: 'claude-mock',
      max_tokens: 400,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'think first' }],
    });
    const thinking: string[] = [];
    stream.on('thinking', (delta) => thinking.push(delta));
    const message = await stream.finalMessage();
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    const [thought, answer] = message.content as [Anthropic.ThinkingBlock, Anthropic.TextBlock];
    expect(thought.thinking).toBe(thinking.join(''));
    expect(thinking).toHaveLength(250);
    expect(thought.signature).toBe('mock-signature');
    expect(answer.text.split(' ')).toHaveLength(16);
    expect(message.usage.output_tokens).toBe(266);
    const whole = await client().messages.create({ model: 'claude-mock', max_tokens: 400, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'think first' }] });
    expect(whole.content.map((b) => b.type)).toEqual(['thinking', 'text']);
  });

  it('answers a non-streaming message with content blocks and usage', async () => {
    const message = await client().messages.create({
      model: 'claude-mock',
      max_tokens: 9,
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
        { role: 'user', content: 'go on' },
      ],
    });
    expect(message.type).toBe('message');
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.content).toHaveLength(1);
    const block = message.content[0]!;
    expect(block.type === 'text' && block.text.split(' ')).toHaveLength(9);
    expect(message.usage).toMatchObject({ input_tokens: 4, output_tokens: 9 });
  });

  it('names every SSE event (event: line) and keeps the ping a client must skip', async () => {
    const response = await fetch(`${server().url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', max_tokens: 2, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).trim().split('\n\n').map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { name: eventLine!.replace('event: ', ''), data: JSON.parse(dataLine!.replace('data: ', '')) as { type: string } };
    });
    expect(events.map((e) => e.name)).toEqual([
      'message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop',
    ]);
    for (const event of events) expect(event.data.type).toBe(event.name);
  });

  it('rejects a request without max_tokens as the API does (400 with the reason)', async () => {
    const error = await client().messages
      .create({ model: 'claude-mock', messages: [{ role: 'user', content: 'hi' }] } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String((error as Error).message)).toContain('max_tokens');
  });
});
