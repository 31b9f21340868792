import { Template } from '@huggingface/jinja';

/**
 * Request bodies from a Jinja template (AIPerf's `payload_template`), rendered with @huggingface/jinja (the Jinja
 * engine the project already uses for chat templates): loops and `|tojson` escaping are needed for lists of
 * passages and safe strings, which plain placeholders cannot do.
 */

/** What a template can use; anything else is a typo and rejected before the run. */
export const TEMPLATE_VARIABLES = ['text', 'texts', 'prompt', 'query', 'passage', 'passages', 'messages', 'model', 'max_tokens', 'stream', 'role'] as const;

/** Names the Jinja runtime itself provides. */
const RUNTIME_NAMES = new Set(['loop', 'range', 'namespace', 'true', 'false', 'none', 'True', 'False', 'None', 'raise_exception', 'strftime_now']);

/** A few named templates (AIPerf's), else the value is the template itself. */
export const NAMED_TEMPLATES: Record<string, string> = { 'nv-embedqa': '{"text": {{ texts|tojson }}}' };

type Node = { type?: string; value?: unknown } & Record<string, unknown>;

/** Every variable a parsed template reads that it does not bind itself (loop variables, `set`, macro arguments). */
function freeVariables(root: unknown): string[] {
  const used = new Set<string>();
  const bound = new Set<string>();
  const bind = (node: unknown) => {
    const n = node as Node | null;
    if (n?.type === 'Identifier' && typeof n.value === 'string') bound.add(n.value);
    if (n?.type === 'TupleLiteral' && Array.isArray(n.value)) for (const item of n.value) bind(item);
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as Node;
    if (n.type === 'Identifier' && typeof n.value === 'string') used.add(n.value);
    if (n.type === 'For') bind(n.loopvar);
    if (n.type === 'Set' || n.type === 'SetStatement') bind(n.assignee);
    if (n.type === 'Macro') {
      bind(n.name);
      for (const arg of (n.args as unknown[]) ?? []) bind((arg as Node).type === 'KeywordArgumentExpression' ? (arg as Node).key : arg);
    }
    for (const [key, child] of Object.entries(n)) {
      // Filter and test names, attribute names and keyword names are not variables.
      if (key === 'filter' || key === 'test' || key === 'key' || (key === 'property' && n.computed === false)) continue;
      if (n.type === 'For' && key === 'loopvar') continue;
      walk(child);
    }
  };
  walk((root as { body?: unknown }).body);
  return [...used].filter((name) => !bound.has(name) && !RUNTIME_NAMES.has(name));
}

export interface PayloadTemplate {
  render(variables: Record<string, unknown>): unknown;
}

/** Parses a template; throws one line (naming the setting) for a syntax error or a variable it cannot know. */
export function compilePayloadTemplate(source: string, setting: string): PayloadTemplate {
  let template: Template;
  try {
    template = new Template(NAMED_TEMPLATES[source] ?? source);
  } catch (error) {
    throw new Error(`${setting}: the template does not parse: ${(error as Error).message}`);
  }
  const unknown = freeVariables(template.parsed).filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`${setting}: unknown placeholder ${unknown.map((n) => `"${n}"`).join(', ')}; allowed: ${TEMPLATE_VARIABLES.join(', ')}`);
  }
  return {
    render(variables) {
      const text = template.render(variables);
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(`${setting}: the template did not render valid JSON: ${text.slice(0, 200)}`);
      }
    },
  };
}
