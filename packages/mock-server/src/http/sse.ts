import type { ServerResponse } from 'node:http';
import { chatChunk, completionChunk, usageChunk, usageOf, type ResponseIdentity } from '../openai-shapes.js';
import type { ResponsePlan } from '../plan.js';

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
};

/** A line that is not valid JSON, for the malformed-SSE fault. */
export const MALFORMED_SSE_EVENT = 'data: {"id":"malformed","choices":[{"delta":{"content":"broken\n\n';

/** Serializes the SSE events of one streamed OpenAI response; token k is the k-th chunk. */
export class SseEncoder {
  readonly tokenCount: number;

  constructor(
    private readonly kind: 'chat' | 'completions',
    private readonly identity: ResponseIdentity,
    private readonly plan: ResponsePlan,
    private readonly includeUsage: boolean,
  ) {
    this.tokenCount = plan.reasoningCount + plan.contentCount;
  }

  start(): string {
    return '';
  }

  token(index: number): string {
    const { plan } = this;
    const finish = index === this.tokenCount - 1 ? plan.finishReason : null;
    let chunk: Record<string, unknown>;
    if (this.kind === 'completions') {
      chunk = completionChunk(this.identity, plan.content[index] ?? '', finish, this.includeUsage);
    } else {
      const delta =
        index < plan.reasoningCount
          ? { reasoning_content: plan.reasoning[index] ?? '' }
          : { content: plan.content[index - plan.reasoningCount] ?? '' };
      chunk = chatChunk(this.identity, index === 0 ? { role: 'assistant', ...delta } : delta, finish, this.includeUsage);
    }
    return `data: ${JSON.stringify(chunk)}\n\n`;
  }

  /** The usage chunk (when asked for) and the `[DONE]` sentinel. */
  end(): string {
    const usage = this.includeUsage
      ? `data: ${JSON.stringify(usageChunk(this.kind, this.identity, usageOf(this.kind, this.plan)))}\n\n`
      : '';
    return `${usage}data: [DONE]\n\n`;
  }
}

/** Ends the TCP connection once what was written is flushed, without HTTP's final chunk: a cut stream. */
export function cutConnection(response: ServerResponse): void {
  response.socket?.destroySoon();
}
