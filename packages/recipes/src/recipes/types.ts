import type { BenchmarkConfig, SlaConfig } from '@aiperf/config';
import type { AutoPlotDefaultProvider } from '@aiperf/hooks';
import type { PostProcessSpec } from '../post-process/types.js';
import type { SearchSpec } from '../search/spec.js';

export interface RecipeContext {
  /** The resolved benchmark the recipe's runs start from (read-only). */
  benchmark: BenchmarkConfig;
  /** Recipe inputs, keys normalised to camelCase (`concurrency-min` / `concurrency_min` → `concurrencyMin`). */
  params: Record<string, unknown>;
  /** The SLA flags (--ttft-sla-ms …), for search recipes. */
  sla?: SlaConfig;
}

/** Exactly one branch: a grid over sweep parameters, or paired scenarios; plus an optional post-process. */
export type RecipeOutput = (
  | { sweepParameters: Record<string, number[]>; scenarios?: undefined }
  | { scenarios: { name: string; values: Record<string, number> }[]; sweepParameters?: undefined }
) & { postProcess?: PostProcessSpec };

/** A search recipe: a plain object that compiles its inputs into a sweep. */
export interface Recipe extends AutoPlotDefaultProvider {
  readonly name: string;
  readonly description: string;
  /** Param names the recipe reads (camelCase); anything else is rejected. */
  readonly paramNames: readonly string[];
  /** Every problem with the inputs, each naming the param, the bad value and what is allowed. */
  validate(ctx: RecipeContext): string[];
  expand(ctx: RecipeContext): RecipeOutput;
  /** One line for listings. */
  describe(ctx: RecipeContext): string;
  /** Search recipes: an adaptive search the runner drives probe by probe (then `expand` is the grid it avoids). */
  search?(ctx: RecipeContext): SearchSpec;
}

/** A recipe problem that is the user's fault (exit code 2, no stack). */
export class RecipeUsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'RecipeUsageError';
  }
}
