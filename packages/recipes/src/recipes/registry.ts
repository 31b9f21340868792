import { createRegistry, type Registry } from '@aiperf/plugin';
import { concurrencyRampRecipe } from './concurrency-ramp.js';
import { decodeItlCurveRecipe } from './decode-itl-curve.js';
import { paretoSweepRecipe } from './pareto-sweep.js';
import { prefillTtftCurveRecipe } from './prefill-ttft-curve.js';
import { slaSearchRecipes } from './sla-search.js';
import type { Recipe } from './types.js';

export type RecipeRegistry = Registry<Recipe>;

export const builtinRecipes: readonly Recipe[] = [concurrencyRampRecipe, prefillTtftCurveRecipe, decodeItlCurveRecipe, paretoSweepRecipe, ...slaSearchRecipes];

const FUNCTIONS = ['validate', 'expand', 'describe'] as const;

/** A plugin's recipe is checked for the functions the planner calls before anything runs. */
function recipeShapeProblems(recipe: Recipe): string[] {
  const problems = FUNCTIONS.filter((key) => typeof recipe[key] !== 'function').map((key) => `needs ${key === 'expand' ? 'an' : 'a'} ${key}(ctx) function`);
  if (!Array.isArray(recipe.paramNames)) problems.push('needs a paramNames array');
  if (recipe.autoPlotDefault !== undefined && typeof recipe.autoPlotDefault !== 'boolean') problems.push('autoPlotDefault must be a boolean');
  return problems;
}

/** A fresh registry holding `recipes` (the built-ins by default); plugins add theirs to it. */
export function createRecipeRegistry(recipes: readonly Recipe[] = builtinRecipes): RecipeRegistry {
  return createRegistry<Recipe>('recipe', recipes, { validate: recipeShapeProblems });
}
