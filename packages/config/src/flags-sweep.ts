import type { FlagDef } from './flag-types.js';

/** Named scenarios (the Multi-run & sweeps group). */
export const VARIANT_FLAGS: readonly FlagDef[] = [
  { key: 'variant', names: ['--variant'], path: 'sweep.variant', kind: 'list', group: 'Multi-run & sweeps', valueName: '<name[,name…]>', defaultText: 'every variant of the YAML variants: mapping', description: 'Run these named scenarios of the YAML variants: mapping (name → settings), one run each, labelled by name' },
];
