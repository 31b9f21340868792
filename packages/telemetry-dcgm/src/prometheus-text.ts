// Prometheus text exposition (format 0.0.4) → samples.
//
// Why hand-written: the one npm parser for this format (`parse-prometheus-text-format` 1.1.1, last release
// Dec 2024) drops the final sample when the body lacks a trailing newline, accepts any "word word" line
// (an HTML error page parses as metrics) and returns values as strings. DCGM exporters only need the plain
// sample-line grammar below, so a small strict parser with its own tests is the safer choice. It is the one
// Prometheus parser of the workspace: @aiperf/server-metrics reads inference servers' `/metrics` with it too.

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  /** Parsed float; NaN and ±Inf are kept here and filtered by the caller. */
  value: number;
  /** The line's text before the value (`name{labels}`), a cheap identity of the series within one exposition. */
  series: string;
}

export interface PromParseIssue {
  /** 1-based line number in the body. */
  lineNumber: number;
  line: string;
  reason: string;
}

export interface PromParseResult {
  samples: PromSample[];
  /** `# TYPE` declarations: metric family name → type (`gauge`, `counter`, …). */
  types: Map<string, string>;
  /** `# HELP` texts: metric family name → description (escapes `\\` and `\n` resolved). */
  help: Map<string, string>;
  issues: PromParseIssue[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
// Sticky: matched in place at `lastIndex`, without slicing the line for every label.
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Inf|inf|NaN|nan)$/;

/** Parses a whole body; malformed lines become issues, the rest still parse. */
export function parsePrometheusText(body: string): PromParseResult {
  const result: PromParseResult = { samples: [], types: new Map(), help: new Map(), issues: [] };
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '').trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      readComment(line, result);
      continue;
    }
    const parsed = parseSampleLine(line);
    if (typeof parsed === 'string') result.issues.push({ lineNumber: index + 1, line, reason: parsed });
    else result.samples.push(parsed);
  }
  return result;
}

function readComment(line: string, result: PromParseResult): void {
  const type = /^#\s*TYPE\s+(\S+)\s+(\S+)\s*$/.exec(line);
  if (type?.[1] && type[2]) {
    result.types.set(type[1], type[2].toLowerCase());
    return;
  }
  const help = /^#\s*HELP\s+(\S+)(?:[ \t]+(.*))?$/.exec(line);
  if (help?.[1]) result.help.set(help[1], (help[2] ?? '').replace(/\\(\\|n)/g, (_m, c: string) => (c === 'n' ? '\n' : '\\')));
}

/** Returns the sample, or the reason the line is not one. */
export function parseSampleLine(line: string): PromSample | string {
  const name = METRIC_NAME.exec(line)?.[0];
  if (!name) return 'expected a metric name';
  let rest = line.slice(name.length);
  let labels: Record<string, string> = {};
  // Blanks between the name and `{` are allowed, as in Prometheus' own parser.
  if (rest.trimStart().startsWith('{')) {
    rest = rest.trimStart();
    const parsedLabels = parseLabels(rest);
    if (typeof parsedLabels === 'string') return parsedLabels;
    labels = parsedLabels.labels;
    rest = rest.slice(parsedLabels.length);
  }
  if (!/^[ \t]/.test(rest)) return 'expected whitespace before the value';
  const fields = rest.trim().split(/[ \t]+/);
  if (fields.length > 2) return 'unexpected text after the timestamp';
  const valueText = fields[0] ?? '';
  if (!FLOAT.test(valueText)) return `value ${JSON.stringify(valueText)} is not a number`;
  if (fields[1] !== undefined && !/^-?\d+$/.test(fields[1])) return 'timestamp is not an integer';
  return { name, labels, value: parseFloatValue(valueText), series: line.slice(0, line.length - rest.length) };
}

function parseFloatValue(text: string): number {
  const lower = text.toLowerCase();
  if (lower.endsWith('inf')) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower === 'nan') return Number.NaN;
  return Number(text);
}

/** Parses `{a="x",b="y"}` at the start of `text`; returns the labels and how many characters they used. */
function parseLabels(text: string): { labels: Record<string, string>; length: number } | string {
  const labels: Record<string, string> = {};
  let at = 1;
  for (;;) {
    at = skipSpaces(text, at);
    if (text[at] === '}') return { labels, length: at + 1 };
    LABEL_NAME.lastIndex = at;
    const labelName = LABEL_NAME.exec(text)?.[0];
    if (!labelName) return `expected a label name at column ${at + 1}`;
    at = skipSpaces(text, at + labelName.length);
    if (text[at] !== '=') return `expected '=' after label ${labelName}`;
    at = skipSpaces(text, at + 1);
    if (text[at] !== '"') return `expected '"' to open the value of label ${labelName}`;
    const value = readQuoted(text, at + 1);
    if (!value) return `unterminated value for label ${labelName}`;
    labels[labelName] = value.value;
    at = skipSpaces(text, value.end);
    if (text[at] === ',') at += 1;
    else if (text[at] !== '}') return `expected ',' or '}' after label ${labelName}`;
  }
}

/** Reads an escaped label value (`\\`, `\"`, `\n`) starting after its opening quote. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const close = text.indexOf('"', start);
  const backslash = text.indexOf('\\', start);
  // Fast path: no escape before the closing quote (almost every DCGM label).
  if (close !== -1 && (backslash === -1 || backslash > close)) return { value: text.slice(start, close), end: close + 1 };
  let value = '';
  for (let at = start; at < text.length; at++) {
    const char = text[at];
    if (char === '"') return { value, end: at + 1 };
    if (char === '\\') {
      const next = text[at + 1];
      if (next === undefined) return undefined;
      value += next === 'n' ? '\n' : next === '\\' || next === '"' ? next : `\\${next}`;
      at += 1;
    } else value += char;
  }
  return undefined;
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\t') at++;
  return at;
}
