import { Template } from '@huggingface/jinja';
import type { ChatMessage } from '../endpoints/types.js';

type TokenizerConfig = Record<string, unknown>;

const tokenText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof (value as { content?: unknown })?.content === 'string' ? (value as { content: string }).content : undefined;

/** The default template of a `tokenizer_config.json` (`chat_template` as a string, or the entry named "default"). */
function templateText(config: TokenizerConfig): string | null {
  const raw = config.chat_template;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw)) {
    const named = raw as Array<{ name?: string; template?: string }>;
    return (named.find((t) => t.name === 'default') ?? named[0])?.template ?? null;
  }
  return null;
}

/**
 * The prompt as the server's chat template renders it (with the generation prompt), for ISL accounting as the
 * server sees it; null when the tokenizer has no template. Rendered by @huggingface/jinja, the engine
 * transformers.js uses for the same templates.
 */
export function chatTemplateRenderer(config: TokenizerConfig): ((messages: readonly ChatMessage[]) => string) | null {
  const text = templateText(config);
  if (!text) return null;
  const template = new Template(text);
  const specials = { bos_token: tokenText(config.bos_token) ?? '', eos_token: tokenText(config.eos_token) ?? '' };
  return (messages) => template.render({ messages: messages.map((m) => ({ ...m })), add_generation_prompt: true, ...specials });
}
