import { type BenchmarkConfig, type SweepTarget, type SweepValue, sweepTarget } from '@aiperf/config';

/** A benchmark setting a sweep or recipe may vary, by its AIPerf name (`concurrency`, `isl`, …). */
export interface SweepParameter {
  name: string;
  /** AIPerf's body-rooted dotted path (or the YAML path of another setting), used in variation labels. */
  path: string;
  integer: boolean;
  /** A number setting (rates print Python-style, `5.0`); false for string and boolean settings. */
  numeric: boolean;
  apply(benchmark: BenchmarkConfig, value: SweepValue): BenchmarkConfig;
}

/** The short-named parameters: numbers, each with its own rules (a rate selects request-rate mode, …). */
type NumericParameter = Omit<SweepParameter, 'apply'> & { apply(benchmark: BenchmarkConfig, value: number): BenchmarkConfig };

const PARAMETERS: readonly NumericParameter[] = [
  {
    name: 'concurrency',
    path: 'phases.profiling.concurrency',
    integer: true,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, concurrency: value } }),
  },
  {
    name: 'request_rate',
    path: 'phases.profiling.rate',
    integer: false,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, mode: 'request_rate', requestRate: value } }),
  },
  {
    name: 'isl',
    path: 'datasets.main.prompts.isl',
    integer: true,
    numeric: true,
    apply: (b, value) => ({ ...b, input: { ...b.input, inputTokens: { ...b.input.inputTokens, mean: value } } }),
  },
  {
    name: 'osl',
    path: 'datasets.main.prompts.osl',
    integer: true,
    numeric: true,
    apply: (b, value) => ({
      ...b,
      input: { ...b.input, outputTokens: { mean: value, stddev: b.input.outputTokens?.stddev ?? 0 } },
    }),
  },
  {
    name: 'benchmark_duration',
    path: 'phases.profiling.duration',
    integer: false,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, benchmarkDurationSeconds: value, requestCount: null } }),
  },
  {
    name: 'request_count',
    path: 'phases.profiling.requests',
    integer: true,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, requestCount: value } }),
  },
  {
    name: 'prefill_concurrency',
    path: 'phases.profiling.prefill_concurrency',
    integer: true,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, prefillConcurrency: value } }),
  },
  {
    name: 'num_users',
    path: 'phases.profiling.users',
    integer: true,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, numUsers: value } }),
  },
  {
    name: 'arrival_smoothness',
    path: 'phases.profiling.smoothness',
    integer: false,
    numeric: true,
    apply: (b, value) => ({ ...b, load: { ...b.load, arrivalPattern: 'gamma', arrivalSmoothness: value } }),
  },
];

export const sweepParameterNames: readonly string[] = PARAMETERS.map((p) => p.name);

/** `benchmark` with the value at `path` (below `benchmark`) replaced, copying only the mappings on the way. */
function withValue(node: unknown, path: readonly string[], value: SweepValue): unknown {
  const [head, ...rest] = path;
  const mapping = (node ?? {}) as Record<string, unknown>;
  return { ...mapping, [head!]: rest.length === 0 ? value : withValue(mapping[head!], rest, value) };
}

/** Any other numeric benchmark setting, by the YAML path the config accepted: its resolved value is replaced. */
function settingParameter(target: SweepTarget): SweepParameter {
  return {
    name: target.name,
    path: target.yamlPath,
    integer: target.integer,
    numeric: target.numeric,
    apply: (b, value) => withValue(b, target.resolvedPath, value) as BenchmarkConfig,
  };
}

/** The parameter by AIPerf's short name (with its own rules, e.g. a rate selects request-rate mode) or YAML path. */
export function getSweepParameter(name: string): SweepParameter {
  const parameter = PARAMETERS.find((p) => p.name === name);
  // The config accepted only numbers for these (their schema says so).
  if (parameter) return { ...parameter, apply: (b, value) => parameter.apply(b, value as number) };
  const target = sweepTarget(name);
  if (typeof target === 'string') throw new Error(`sweep parameter '${name}': ${target}`);
  return settingParameter(target);
}

/** Python-style number text (a float keeps `.0`), so directory names match AIPerf's. */
export function formatParameterValue(name: string, value: SweepValue): string {
  const parameter = getSweepParameter(name);
  if (typeof value === 'number' && !parameter.integer && Number.isInteger(value) && parameter.numeric) return `${value}.0`;
  return String(value);
}
