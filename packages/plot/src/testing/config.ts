import { DEFAULT_PLOT_CONFIG_YAML } from '../config/default-config.js';

/**
 * The shipped plot config YAML with only `names` enabled in `<mode>_defaults` (the presets themselves stay the
 * shipped ones): for tests that check some plots of the catalogue without drawing all of them.
 */
export function shippedConfigEnabling(mode: 'single_run' | 'multi_run', names: readonly string[]): string {
  const defaults = new RegExp(`${mode}_defaults:\\n(?: {4}- \\w+\\n)+`);
  if (!defaults.test(DEFAULT_PLOT_CONFIG_YAML)) throw new Error(`the shipped plot config has no ${mode}_defaults list`);
  return DEFAULT_PLOT_CONFIG_YAML.replace(defaults, `${mode}_defaults:\n${names.map((name) => `    - ${name}\n`).join('')}`);
}
