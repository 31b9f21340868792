import { readFileSync } from 'node:fs';
import { ProfileConfigError } from '../errors.js';
import type { DatasetEntry, DatasetLoader, LoadedTurn } from './loader.js';

/**
 * Request bodies replayed verbatim: aiperf's own `inputs.json` (`{"data": [{"session_id", "payloads": […]}]}`,
 * a session's payloads sent in order, each after the previous answer) or JSONL with one body per line. The
 * endpoint type still names the path and reads the answers; `--streaming` should match the bodies' `stream`.
 */
type Body = Record<string, unknown>;

const isBody = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

const partsText = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((part) => (isBody(part) && typeof part.text === 'string' ? part.text : '')).join(' ')
      : '';

/** The text a body sends (for ISL counting), whatever the API: messages, prompt, input, inputs, query + passages. */
export function payloadText(body: Body): string {
  if (Array.isArray(body.messages)) return body.messages.map((m) => (isBody(m) ? partsText(m.content) : '')).join('\n');
  for (const key of ['prompt', 'input', 'inputs', 'text']) {
    const value = body[key];
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) return value.map((v) => (isBody(v) ? partsText(v.content ?? v.text) : String(v))).join('\n');
  }
  const query = isBody(body.query) ? String(body.query.text ?? '') : typeof body.query === 'string' ? body.query : '';
  const passages = [body.passages, body.texts, body.documents].find(Array.isArray) ?? [];
  return [query, ...passages.map((p) => (isBody(p) ? String(p.text ?? '') : String(p)))].join('\n');
}

const entryOf = (payload: Body, sessionId?: string): DatasetEntry => ({ text: payloadText(payload), outputLength: null, payload, ...(sessionId ? { sessionId } : {}) });
const turnOf = (payload: Body): LoadedTurn => ({ text: payloadText(payload), outputLength: null, delayMs: 0, payload });

export function readPayloadFile(path: string): DatasetEntry[] {
  const text = readFileSync(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    document = undefined;
  }
  if (isBody(document) && Array.isArray(document.data)) {
    return document.data.map((session, i) => {
      const payloads = isBody(session) && Array.isArray(session.payloads) ? session.payloads : [];
      if (payloads.length === 0 || !payloads.every(isBody)) {
        throw new ProfileConfigError(`--input-file: ${path}: data[${i}].payloads must be a non-empty list of request bodies (objects)`);
      }
      const [first, ...rest] = payloads as Body[];
      const sessionId = typeof session.session_id === 'string' ? session.session_id : undefined;
      return { ...entryOf(first!, sessionId), ...(rest.length > 0 ? { followUps: rest.map(turnOf) } : {}) };
    });
  }
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let body: unknown;
    try {
      body = JSON.parse(line);
    } catch (cause) {
      throw new ProfileConfigError(`--input-file: ${path} line ${i + 1}: not JSON (expected inputs.json or one request body per line)`, { cause });
    }
    if (!isBody(body)) throw new ProfileConfigError(`--input-file: ${path} line ${i + 1}: a request body must be a JSON object`);
    return [entryOf(body)];
  });
}

export const inputsJsonLoader: DatasetLoader = {
  name: 'inputs_json',
  description: "request bodies sent verbatim: aiperf's inputs.json, or JSONL with one body per line",
  load: ({ path }) => readPayloadFile(path),
};
