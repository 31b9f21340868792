import { RUN_STATS, splitStatKey } from '../artifacts/metrics.js';
import { ReportInputError } from '../errors.js';

/** A regression rule: the change of one metric statistic from BASE to NEW that fails the comparison. */
export interface FailRule {
  /** As written, for messages. */
  text: string;
  /** `<tag>.<stat>`. */
  metric: string;
  /** `up`: NEW more than `limit` above BASE fails; `down`: more than `limit` below. */
  direction: 'up' | 'down';
  limit: number;
  /** The limit is a percentage of BASE (`+10%`) rather than an amount in the metric's unit (`+5`). */
  percent: boolean;
}

const RULE = /^([A-Za-z0-9_.]+):([+-])(\d+(?:\.\d+)?)(%?)$/;
const EXAMPLE = 'time_to_first_token.p99:+10% (fail when it rises more than 10%) or output_token_throughput.avg:-5%';

/** `time_to_first_token.p99`, `time_to_first_token_p99` or `time_to_first_token` (the avg) → `<tag>.<stat>`. */
export function normalizeMetricName(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot > 0) return name;
  const split = splitStatKey(name);
  return split ? `${split.tag}.${split.stat}` : `${name}.avg`;
}

/** Parses `--fail-on` values (each a comma list of rules); every malformed rule is reported at once. */
export function parseFailRules(values: readonly string[]): FailRule[] {
  const rules: FailRule[] = [];
  const bad: string[] = [];
  for (const text of values.flatMap((v) => v.split(',')).map((t) => t.trim()).filter((t) => t.length > 0)) {
    const match = RULE.exec(text);
    const metric = match ? normalizeMetricName(match[1]!) : '';
    const stat = metric.slice(metric.lastIndexOf('.') + 1);
    if (!match || !(RUN_STATS as readonly string[]).includes(stat)) {
      bad.push(`--fail-on: got "${text}", expected <metric>.<stat>:+N% or -N% with stat one of ${RUN_STATS.join(', ')}; e.g. ${EXAMPLE}`);
      continue;
    }
    rules.push({ text, metric, direction: match[2] === '+' ? 'up' : 'down', limit: Number(match[3]), percent: match[4] === '%' });
  }
  if (bad.length > 0) throw new ReportInputError(bad.join('\n'));
  return rules;
}

/** Whether going from `base` to `next` breaks the rule. A percentage of a zero BASE is any change in that direction. */
export function ruleTrips(rule: FailRule, base: number, next: number): boolean {
  const change = rule.direction === 'up' ? next - base : base - next;
  if (!rule.percent) return change > rule.limit;
  if (base === 0) return change > 0;
  return (change / Math.abs(base)) * 100 > rule.limit;
}
