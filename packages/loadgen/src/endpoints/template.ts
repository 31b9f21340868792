import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BenchmarkConfig } from '@aiperf/config';
import type { JSONValue } from '@jmespath-community/jmespath';
import { ProfileConfigError } from '../errors.js';
import { compilePayloadTemplate } from './template-render.js';
import { type EndpointType, type ParsedResponse, type RequestInput, type ServerUsage, isRecord, parseUsage } from './types.js';

/**
 * `template`: any JSON API without code. The body comes from `--extra-inputs payload_template:<Jinja template,
 * file or nv-embedqa>`; the answer text from `response_field:<JMESPath>` (else the usual places are tried) and
 * the token usage from `usage_field:<JMESPath>` (else an OpenAI-style `usage`). Other extra inputs are merged
 * into every body. Works streaming (each SSE event read the same way) or not. The URL names the API's path.
 */
const SETTINGS = ['payload_template', 'response_field', 'usage_field'] as const;
const where = (key: string) => `--extra-inputs ${key}`;

type Search = (json: unknown) => JSONValue;

type JmesPath = typeof import('@jmespath-community/jmespath');
let jmesPath: JmesPath | null = null;
// Loaded on first use: every run imports the endpoint registry, few use templates.
const jmes = (): JmesPath => (jmesPath ??= createRequire(import.meta.url)('@jmespath-community/jmespath') as JmesPath);

function compilePath(expression: unknown, key: string): Search | null {
  if (expression === undefined) return null;
  if (typeof expression !== 'string' || expression.trim() === '') throw new ProfileConfigError(`${where(key)}: expected a JMESPath expression (e.g. choices[0].text), got ${JSON.stringify(expression)}`);
  try {
    const { compile, TreeInterpreter } = jmes();
    const ast = compile(expression);
    return (json) => TreeInterpreter.search(ast, json as JSONValue);
  } catch (error) {
    throw new ProfileConfigError(`${where(key)}: "${expression}" is not a JMESPath expression: ${(error as Error).message}`);
  }
}

/** Where an answer's text usually is, tried in order when no response_field is given. */
const AUTO_TEXT = ['choices[0].delta.content', 'choices[0].message.content', 'choices[0].text', 'text', 'content', 'response', 'output', 'result', 'generated_text', 'token.text'];
/** Answers without text that still are answers (embeddings, rankings). */
const AUTO_OTHER = ['data[].embedding', 'embeddings', 'embedding', 'rankings', 'results'];
let autoPaths: { text: Search[]; other: Search[] } | null = null;
const auto = () => (autoPaths ??= { text: AUTO_TEXT.map((p) => compilePath(p, 'response_field')!), other: AUTO_OTHER.map((p) => compilePath(p, 'response_field')!) });

const textOf = (value: JSONValue): string =>
  typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join('') : '';

function usageFrom(value: JSONValue): ServerUsage | null {
  if (typeof value === 'number') return { promptTokens: null, completionTokens: value, reasoningTokens: null };
  if (!isRecord(value)) return null;
  return parseUsage({ usage: value }) ?? null;
}

function parser(responseField: Search | null, responseFieldText: string, usageField: Search | null) {
  return (json: unknown): ParsedResponse | null => {
    const usage = usageField ? usageFrom(usageField(json)) : parseUsage(json);
    if (responseField) {
      const value = responseField(json);
      if (value === null || value === undefined) {
        // A stream may have events without the field (a role chunk, a final usage event): only an answer in which
        // it matches nowhere fails, and the message says which setting to fix.
        return { text: '', reasoning: '', usage, unmatched: `${where('response_field')} "${responseFieldText}" matched nothing in the response` };
      }
      return { text: textOf(value), reasoning: '', usage };
    }
    for (const search of auto().text) {
      const value = search(json);
      if (typeof value === 'string') return { text: value, reasoning: '', usage };
    }
    if (usage || auto().other.some((search) => search(json) !== null)) return { text: '', reasoning: '', usage };
    return { text: '', reasoning: '', usage: null, unmatched: `no text found in the response (set ${where('response_field')})` };
  };
}

function variables(input: RequestInput): Record<string, unknown> {
  const texts = [input.prompt, ...(input.batch ?? [])];
  return {
    text: input.prompt, texts, prompt: input.prompt, query: input.prompt,
    passages: [...(input.passages ?? [])], passage: input.passages?.[0] ?? null,
    messages: [...(input.history ?? []), { role: 'user', content: input.prompt }],
    model: input.model, max_tokens: input.maxTokens, stream: input.streaming, role: 'user',
  };
}

function forRun(config: BenchmarkConfig): EndpointType {
  const extra = config.endpoint.extraInputs;
  const source = extra.payload_template;
  if (typeof source !== 'string' || source.trim() === '') {
    throw new ProfileConfigError(`${where('payload_template')}: required with --endpoint-type template (a Jinja template, a file holding one, or nv-embedqa)`);
  }
  const text = !source.includes('{') && existsSync(source) ? readFileSync(source, 'utf8') : source;
  let template: ReturnType<typeof compilePayloadTemplate>;
  try {
    template = compilePayloadTemplate(text, where('payload_template'));
  } catch (error) {
    throw new ProfileConfigError((error as Error).message);
  }
  const rest = Object.fromEntries(Object.entries(extra).filter(([key]) => !(SETTINGS as readonly string[]).includes(key)));
  const responseField = compilePath(extra.response_field, 'response_field');
  return {
    ...templateEndpoint,
    forRun: undefined,
    buildBody(input) {
      let body: unknown;
      try {
        body = template.render(variables(input));
      } catch (error) {
        throw new ProfileConfigError((error as Error).message);
      }
      if (!isRecord(body)) throw new ProfileConfigError(`${where('payload_template')}: the template must render a JSON object, got ${JSON.stringify(body).slice(0, 100)}`);
      return { ...body, ...rest };
    },
    parseResponse: parser(responseField, String(extra.response_field ?? ''), compilePath(extra.usage_field, 'usage_field')),
  };
}

export const templateEndpoint: EndpointType = {
  name: 'template',
  // The API's path is part of --url (or --custom-endpoint).
  defaultPath: '',
  supportsStreaming: true,
  producesTokens: true,
  metricsTitle: 'LLM Metrics',
  forRun,
  buildBody: () => {
    throw new ProfileConfigError('--endpoint-type template: the endpoint must be set up for the run first');
  },
  parseResponse: parser(null, '', null),
};

