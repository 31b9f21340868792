import type { FlagDef } from './flag-types.js';
import { CONVERGENCE_SCOPES } from './yaml-schema-convergence.js';

/** Convergence within one run (the Multi-run & sweeps group, beside the other --convergence-* flags). */
export const RUN_CONVERGENCE_FLAGS: readonly FlagDef[] = [
  { key: 'convergenceScope', names: ['--convergence-scope'], path: 'multi_run.convergence.scope', kind: 'value', group: 'Multi-run & sweeps', valueName: `<${CONVERGENCE_SCOPES.join(' | ')}>`, defaultText: 'runs with --num-profile-runs > 1, else run', description: 'runs: stop adding runs once they agree; run: stop profiling once the CI half-width / the statistic is at or below --convergence-threshold (results written, exit 0)' },
  { key: 'convergenceMinSamples', names: ['--convergence-min-samples'], path: 'multi_run.convergence.min_samples', kind: 'value', group: 'Multi-run & sweeps', valueName: '<n>', description: 'Within a run: values of --convergence-metric before the margin is judged' },
  { key: 'convergenceCheckInterval', names: ['--convergence-check-interval'], path: 'multi_run.convergence.check_interval_seconds', kind: 'value', group: 'Multi-run & sweeps', valueName: '<s>', description: 'Within a run: seconds between judgements of the margin (also how often the progress line updates it)' },
];
