import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { useSdkClient } from './test-support.js';

// The official `openai` client's Responses API support is the reference for /v1/responses: its stream helper
// rebuilds the response from the events and throws on an event it cannot place.
describe('the official openai client (Responses API) against the mock server', () => {
  const { server, client } = useSdkClient((url) => new OpenAI({ baseURL: `${url}/v1`, apiKey: 'not-needed', maxRetries: 0 }));

  it('streams typed, numbered events: text deltas, then response.incomplete at the token limit with usage', async () => {
    const stream = await client().responses.create({
      model: 'demo-model',
      input: [{ role: 'user', content: 'Tell me a short story about a lighthouse keeper.' }],
      max_output_tokens: 12,
      stream: true,
    });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = '';
    let final: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed' || event.type === 'response.incomplete') final = event.response;
    }
    expect(types.slice(0, 4)).toEqual(['response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added']);
    expect(types.filter((t) => t === 'response.output_text.delta')).toHaveLength(12);
    expect(types.slice(-4)).toEqual(['response.output_text.done', 'response.content_part.done', 'response.output_item.done', 'response.incomplete']);
    expect(sequence).toEqual(sequence.map((_, i) => i));
    expect(text.split(' ')).toHaveLength(12);
    expect(final?.status).toBe('incomplete');
    expect(final?.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(final?.usage).toMatchObject({ input_tokens: 10, output_tokens: 12, total_tokens: 22 });
    expect(server().stats().requests).toMatchObject({ responses: 1, streaming: 1 });
  });

  it('the stream helper accumulates the final response; response.completed when the answer ends on its own', async () => {
    const stream = client().responses.stream({ model: 'demo-model', instructions: 'Be brief.', input: 'hi there' });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const response = await stream.finalResponse();
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe('completed');
    expect(response.output_text).toBe(deltas.join(''));
    expect(deltas).toHaveLength(16);
    expect(response.usage).toMatchObject({ input_tokens: 5, output_tokens: 16 });
  });

  it('answers a non-streaming request: output message with output_text, usage', async () => {
    const response = await client().responses.create({
      model: 'demo-model',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'hi there' }] }],
      max_output_tokens: 20,
      ignore_eos: true,
    } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    expect(response.object).toBe('response');
    expect(response.output_text.split(' ')).toHaveLength(20);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant', status: 'incomplete' });
    expect(response.usage).toMatchObject({ input_tokens: 2, output_tokens: 20, total_tokens: 22 });
  });
});
