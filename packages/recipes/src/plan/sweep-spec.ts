import type { AiperfConfig, SweepValue } from '@aiperf/config';
import { normalizeParams } from '../recipes/params.js';
import type { RecipeRegistry } from '../recipes/registry.js';
import { type Recipe, RecipeUsageError } from '../recipes/types.js';
import type { SearchSpec } from '../search/spec.js';
import type { SweepSpec } from './plan.js';
import { formatParameterValue } from './parameters.js';
import { gridVariations, scenarioVariations, variantVariations, zipVariations } from './variations.js';

export interface ResolvedSweep {
  recipe: Recipe | null;
  sweep: SweepSpec | null;
  /** A search recipe's adaptive search (then `sweep` is null). */
  search?: SearchSpec;
}

function expandRecipe(config: AiperfConfig, registry: RecipeRegistry): ResolvedSweep {
  const { name, params } = config.recipe!;
  const recipe = registry.get(name);
  if (!recipe) {
    throw new RecipeUsageError(`--recipe: unknown recipe '${name}'; known recipes: ${registry.names().sort().join(', ')}`);
  }
  if (config.sweep !== null) {
    throw new RecipeUsageError(`--recipe ${name} cannot be combined with a --concurrency list; the recipe chooses the sweep`);
  }
  const ctx = { benchmark: config.benchmark, params: normalizeParams(params), sla: config.sla };
  const errors = recipe.validate(ctx);
  // A search recipe's problems are mostly missing flags: one line each, naming the flag.
  if (errors.length > 0 && recipe.search) throw new RecipeUsageError(errors.join('\n'));
  if (errors.length > 0) {
    throw new RecipeUsageError(`recipe '${name}' has invalid parameters:\n  - ${errors.join('\n  - ')}`);
  }
  if (recipe.search) return { recipe, sweep: null, search: recipe.search(ctx) };
  const output = recipe.expand(ctx);
  const variations = output.sweepParameters ? gridVariations(output.sweepParameters) : scenarioVariations(output.scenarios);
  return {
    recipe,
    sweep: {
      variations, mode: 'repeated', cooldownSeconds: 0, sameSeed: false, recipeName: name, stimulus: name,
      postProcess: output.postProcess ?? null,
    },
  };
}

/** The sweep to run: the recipe's expansion, else `config.sweep` (a concurrency list), else none. */
export function resolveSweep(config: AiperfConfig, registry: RecipeRegistry): ResolvedSweep {
  if (config.recipe) return expandRecipe(config, registry);
  if (!config.sweep) return { recipe: null, sweep: null };
  const { parameters, variants, type, mode, cooldownSeconds, sameSeed } = config.sweep;
  const variations = variants ? variantVariations(variants) : type === 'zip' ? zipVariations(parameters) : gridVariations(parameters);
  return {
    recipe: null,
    sweep: {
      variations,
      mode,
      cooldownSeconds,
      sameSeed,
      recipeName: null,
      stimulus: variants ? `variants_${variations.map((v) => v.dirName).join('_')}` : sweepStimulus(parameters),
      postProcess: null,
    },
  };
}

/** `concurrency_sweep_1_4_16`; several parameters joined by `__` (`isl_sweep_128_512__osl_sweep_64_256`). */
function sweepStimulus(parameters: Record<string, readonly SweepValue[]>): string {
  return Object.keys(parameters)
    .sort()
    .map((name) => `${name.replace(/^benchmark\./, '')}_sweep_${parameters[name]!.map((v) => formatParameterValue(name, v)).join('_')}`)
    .join('__');
}
