import type { ResponseIdentity } from '../openai-shapes.js';
import type { ResponsePlan } from '../plan.js';
import { isRecord } from '../request.js';
import { commonRequest, type StreamEncoder, type WireFormat } from './types.js';

// Hugging Face TGI: POST /generate answers `{generated_text}`, POST /generate_stream streams one event per token;
// the last one carries the whole text and the details (finish reason, generated token count).

const finishReason = (plan: ResponsePlan) => (plan.finishReason === 'length' ? 'length' : 'eos_token');

const details = (plan: ResponsePlan) => ({ finish_reason: finishReason(plan), generated_tokens: plan.contentCount, seed: null });

class TgiEncoder implements StreamEncoder {
  readonly tokenCount: number;

  constructor(private readonly plan: ResponsePlan) {
    this.tokenCount = plan.contentCount;
  }

  start(): string {
    return '';
  }

  token(index: number): string {
    const last = index === this.tokenCount - 1;
    const event = {
      index: index + 1,
      token: { id: 1000 + index, text: this.plan.content[index] ?? '', logprob: -0.5, special: false },
      generated_text: last ? this.plan.content.join('') : null,
      details: last ? details(this.plan) : null,
    };
    return `data:${JSON.stringify(event)}\n\n`;
  }

  end(): string {
    return '';
  }
}

export const tgiFormat: WireFormat = {
  parse(body, streamRoute) {
    if (!isRecord(body)) return { error: 'the request body must be a JSON object' };
    if (typeof body.inputs !== 'string') return { error: '`inputs` must be a string' };
    const parameters = isRecord(body.parameters) ? body.parameters : {};
    const parsed = commonRequest(
      { ...parameters, model: body.model },
      { promptText: body.inputs, stream: streamRoute || body.stream === true, maxTokensField: 'max_new_tokens', maxTokens: parameters.max_new_tokens },
    );
    if ('request' in parsed) parsed.request.wantDetails = parameters.details === true;
    return parsed;
  },
  encoder: (_identity: ResponseIdentity, plan) => new TgiEncoder(plan),
  whole: (_identity, plan, request) => ({
    generated_text: plan.content.join(''),
    ...(request.wantDetails ? { details: details(plan) } : {}),
  }),
};
