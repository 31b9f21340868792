/** `concurrency-min`, `concurrency_min`, `concurrencyMin` → `concurrencyMin`. */
export function camelKey(key: string): string {
  return key.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function normalizeParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [camelKey(k), v]));
}

/** Reads a numeric param (numbers or numeric strings from the CLI); pushes an error and returns the default otherwise. */
export function numberParam(
  params: Record<string, unknown>,
  name: string,
  fallback: number,
  errors: string[],
  check: { integer?: boolean; min?: number; exclusiveMin?: number; max?: number; exclusiveMax?: number } = {},
): number {
  const raw = params[name];
  if (raw === undefined || raw === null) return fallback;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  const allowed = [
    check.integer ? 'an integer' : 'a number',
    check.min !== undefined ? `>= ${check.min}` : '',
    check.exclusiveMin !== undefined ? `> ${check.exclusiveMin}` : '',
    check.max !== undefined ? `<= ${check.max}` : '',
    check.exclusiveMax !== undefined ? `< ${check.exclusiveMax}` : '',
  ].filter(Boolean).join(' ');
  const bad =
    typeof value !== 'number' || !Number.isFinite(value) ||
    (check.integer && !Number.isInteger(value)) ||
    (check.min !== undefined && value < check.min) ||
    (check.exclusiveMin !== undefined && value <= check.exclusiveMin) ||
    (check.max !== undefined && value > check.max) ||
    (check.exclusiveMax !== undefined && value >= check.exclusiveMax);
  if (bad) {
    errors.push(`${name}: ${JSON.stringify(raw)} is not allowed; expected ${allowed}`);
    return fallback;
  }
  return value as number;
}

/** Errors for params the recipe does not read, listing the ones it does. */
export function unknownParamErrors(recipe: string, params: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(params)
    .filter((k) => !known.includes(k))
    .map((k) => `${k}: not a parameter of recipe '${recipe}'; allowed: ${known.join(', ') || '(none)'}`);
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-12) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/** `steps` log-spaced integers from lo to hi (both included), rounded half-even, de-duplicated, ascending. */
export function logSpacedIntegers(lo: number, hi: number, steps: number): number[] {
  if (steps < 2 || lo <= 0 || hi <= lo) throw new Error(`log steps need steps >= 2 and 0 < lo < hi (got ${lo}, ${hi}, ${steps})`);
  const values = new Set<number>();
  for (let i = 0; i < steps; i++) {
    const v = Math.exp(Math.log(lo) + ((Math.log(hi) - Math.log(lo)) * i) / (steps - 1));
    values.add(Math.max(1, roundHalfEven(v)));
  }
  values.add(Math.round(lo));
  values.add(Math.round(hi));
  return [...values].sort((a, b) => a - b);
}

/**
 * A log-spaced sweep range read from `<prefix>Min`, `<prefix>Max` and `<prefix>Steps` (positive integers,
 * at least 2 steps, min below max); errors are pushed and the defaults used for bad values.
 */
export function logRangeParam(
  params: Record<string, unknown>,
  prefix: string,
  defaults: { min: number; max: number; steps: number },
  errors: string[],
): { min: number; max: number; steps: number } {
  const min = numberParam(params, `${prefix}Min`, defaults.min, errors, { integer: true, min: 1 });
  const max = numberParam(params, `${prefix}Max`, defaults.max, errors, { integer: true, min: 1 });
  const steps = numberParam(params, `${prefix}Steps`, defaults.steps, errors, { integer: true, min: 2 });
  if (min >= max) errors.push(`${prefix}Min: ${min} must be below ${prefix}Max (${max})`);
  return { min, max, steps };
}

/** TTFT and ITL only exist for streamed responses. */
export function streamingErrors(recipe: string, ctx: { benchmark: { endpoint: { streaming: boolean } } }): string[] {
  return ctx.benchmark.endpoint.streaming ? [] : [`--streaming: recipe '${recipe}' measures streamed tokens; add --streaming`];
}
