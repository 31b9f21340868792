import { concurrencyRampRecipe } from './concurrency-ramp.js';
import { decodeItlCurveRecipe } from './decode-itl-curve.js';
import { paretoSweepRecipe } from './pareto-sweep.js';
import { prefillTtftCurveRecipe } from './prefill-ttft-curve.js';
import type { Recipe } from './types.js';

export interface RecipeRegistry {
  /** The same object twice is harmless; a different object under a taken name is an error. */
  register(recipe: Recipe): void;
  get(name: string): Recipe | undefined;
  names(): string[];
}

export function createRecipeRegistry(recipes: readonly Recipe[] = []): RecipeRegistry {
  const byName = new Map<string, Recipe>();
  const registry: RecipeRegistry = {
    register(recipe) {
      const existing = byName.get(recipe.name);
      if (existing === recipe) return;
      if (existing) throw new Error(`registerRecipe: a different recipe named '${recipe.name}' is already registered`);
      byName.set(recipe.name, recipe);
    },
    get: (name) => byName.get(name),
    names: () => [...byName.keys()].sort(),
  };
  for (const recipe of recipes) registry.register(recipe);
  return registry;
}

export const builtinRecipes: readonly Recipe[] = [concurrencyRampRecipe, prefillTtftCurveRecipe, decodeItlCurveRecipe, paretoSweepRecipe];

/** Built-ins plus whatever plugins register. */
export const defaultRecipeRegistry: RecipeRegistry = createRecipeRegistry(builtinRecipes);

export function registerRecipe(recipe: Recipe, registry: RecipeRegistry = defaultRecipeRegistry): void {
  registry.register(recipe);
}

export function getRecipe(name: string, registry: RecipeRegistry = defaultRecipeRegistry): Recipe | undefined {
  return registry.get(name);
}
