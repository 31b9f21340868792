import type { DatasetTurn } from '../dataset/dataset.js';
import { type PromptTexts, fillPrompt } from '../dataset/lazy-prompts.js';
import { stringifyJson } from './json-text.js';

/** `inputs.json`: each conversation with its payloads exactly as sent, one per turn. */
export function buildInputsJson(dataset: readonly DatasetTurn[]): { data: Array<{ session_id: string; payloads: unknown[] }> } {
  const sessions = new Map<string, unknown[]>();
  for (const turn of dataset) {
    const payloads = sessions.get(turn.conversationId) ?? [];
    payloads[turn.turnIndex] = turn.payload;
    // Later turns as generated (each its own prompt; the history is only known once the answers arrive).
    turn.followUps?.forEach((next, i) => (payloads[turn.turnIndex + 1 + i] = next.payload ?? next.recordedPayload));
    sessions.set(turn.conversationId, payloads);
  }
  return { data: [...sessions].map(([session_id, payloads]) => ({ session_id, payloads })) };
}

/**
 * The text of `inputs.json` (as `stringifyJson(buildInputsJson(dataset), 2)` writes it) one conversation at a
 * time, with lazy prompts built as each is reached: 100 prompts of a million tokens are ~450 MB of JSON, which
 * must never be one string (V8 caps a string at ~512 M characters) nor all in memory at once.
 */
export function* inputsJsonChunks(dataset: readonly DatasetTurn[], texts: PromptTexts | null): Generator<string> {
  const { data } = buildInputsJson(dataset);
  if (data.length === 0) return yield stringifyJson({ data }, 2);
  const lazy = new Map(dataset.filter((t) => t.lazyPrompt).map((t) => [t.conversationId, t.lazyPrompt!]));
  yield '{\n  "data": [\n';
  for (const [i, session] of data.entries()) {
    let text = `    ${stringifyJson(session, 2).replace(/\n/g, '\n    ')}${i < data.length - 1 ? ',' : ''}\n`;
    const prompt = lazy.get(session.session_id);
    if (prompt && texts) text = fillPrompt(text, texts.text(prompt));
    yield text;
  }
  yield '  ]\n}';
}

/**
 * `inputs_media.jsonl`: per request that carries images or audio, what it carried (counts, formats, sizes, bytes;
 * not the data), keyed like the records (`conversation_id`, `turn_index`); null when no request has media.
 */
export function buildInputsMediaJsonl(dataset: readonly DatasetTurn[]): string | null {
  const lines = dataset
    .filter((turn) => turn.media)
    .map((turn) => {
      const { images, audio } = turn.media!;
      return JSON.stringify({
        conversation_id: turn.conversationId,
        turn_index: turn.turnIndex,
        image_count: images.length,
        images: images.map((i) => ({ format: i.format, width: i.width, height: i.height, bytes: i.bytes })),
        audio_count: audio.length,
        audio: audio.map((a) => ({ format: a.format, seconds: a.seconds, sample_rate_hz: a.sampleRateHz, bits: a.bits, channels: a.channels, bytes: a.bytes })),
      });
    });
  return lines.length === 0 ? null : `${lines.join('\n')}\n`;
}
