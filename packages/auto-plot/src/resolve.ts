export interface AutoPlotInputs {
  /** `--auto-plot` → true, `--no-auto-plot` → false (or YAML `artifacts.auto_plot`); null when the user said neither. */
  explicit: boolean | null;
  /** The active recipe's `autoPlotDefault`; absent means false. */
  recipeDefault?: boolean;
  /** The `autoPlotDefault` of the plugin that contributed the recipe, used when the recipe says nothing. */
  pluginDefault?: boolean;
  /** A `plot:` envelope in the YAML implies auto-plot unless the user explicitly said false. */
  hasPlotEnvelope?: boolean;
}

/** Explicit flag wins; else a `plot:` envelope turns it on; else the recipe's default, else its plugin's; else off. */
export function resolveAutoPlot(inputs: AutoPlotInputs): boolean {
  if (inputs.explicit !== null) return inputs.explicit;
  if (inputs.hasPlotEnvelope) return true;
  return (inputs.recipeDefault ?? inputs.pluginDefault) === true;
}
