/** One weighted (ISL, OSL) pair of `--seq-dist`; stddevs are 0 when not given. */
export interface SeqDistPair {
  isl: number;
  islStddev: number;
  osl: number;
  oslStddev: number;
  /** Percent, 0–100; the pairs sum to 100. */
  percent: number;
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const LENGTH = String.raw`(\d+)(?:\|(${NUMBER}))?`;
const SEMICOLON_PAIR = new RegExp(`^${LENGTH},${LENGTH}:(${NUMBER})$`);
const BRACKET_PAIR = new RegExp(String.raw`^\(${LENGTH},${LENGTH}\):(${NUMBER})$`);

/**
 * Parses AIPerf's `--seq-dist` syntax: `ISL,OSL:percent;…` with an optional `|stddev` after either length
 * (`256|10,128|5:40;512,256:60`), or the bracket form `[(256,128):40,(512,256):60]`. Returns the pairs, or one
 * message saying what is wrong and what is allowed.
 */
export function parseSeqDist(text: string): SeqDistPair[] | string {
  const trimmed = text.replace(/\s+/g, '');
  const bracket = trimmed.startsWith('[') && trimmed.endsWith(']');
  const parts = bracket ? (trimmed.slice(1, -1).match(/\([^)]*\):[^,]*/g) ?? []) : trimmed.split(';').filter((p) => p !== '');
  if (parts.length === 0) return `got "${text}"; expected ISL,OSL:percent pairs separated by ";" (e.g. 256,128:60;512,256:40)`;
  const pairs: SeqDistPair[] = [];
  for (const part of parts) {
    const m = (bracket ? BRACKET_PAIR : SEMICOLON_PAIR).exec(part);
    if (!m) return `"${part}" is not ISL,OSL:percent (optional |stddev after a length, e.g. 256|10,128:40)`;
    const [isl, islStddev, osl, oslStddev, percent] = [m[1], m[2], m[3], m[4], m[5]].map((v) => (v === undefined ? 0 : Number(v))) as number[];
    if (isl! < 1 || osl! < 1) return `"${part}": lengths must be ≥ 1`;
    if (percent! > 100) return `"${part}": the percentage must be between 0 and 100`;
    pairs.push({ isl: isl!, islStddev: islStddev!, osl: osl!, oslStddev: oslStddev!, percent: percent! });
  }
  const total = pairs.reduce((sum, p) => sum + p.percent, 0);
  if (Math.abs(total - 100) > 1e-6) return `the percentages add up to ${total}, not 100`;
  return pairs;
}
