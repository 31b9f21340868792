import type { FlagDef } from './flag-types.js';
import { CONVERGENCE_MODES, CONVERGENCE_STATS, SWEEP_TYPES } from './yaml-schema-loadshape.js';

const oneOf = (values: readonly string[]) => values.join(' | ');

/** Load-shaping flags (the Load group): arrival shape, ramps, prefill concurrency, user-centric rate. */
export const LOAD_SHAPE_FLAGS: readonly FlagDef[] = [
  { key: 'arrivalSmoothness', names: ['--arrival-smoothness', '--vllm-burstiness'], path: 'benchmark.load.arrival_smoothness', kind: 'value', group: 'Load', valueName: '<k>', defaultText: '1 with --arrival-pattern gamma', description: 'Gamma arrivals with this shape: < 1 bursty, 1 = Poisson, > 1 smoother (vLLM\'s --burstiness); implies --arrival-pattern gamma' },
  { key: 'requestRateSeries', names: ['--request-rate-series'], path: 'benchmark.load.request_rate_series', kind: 'value', group: 'Load', valueName: '"<rate:s,rate:s,…>"', description: 'Piecewise request rates, e.g. "5:10,20:10,10" = 5 req/s for 10 s, 20 for 10 s, then 10; the last rate holds' },
  { key: 'requestRateRampDuration', names: ['--request-rate-ramp-duration'], path: 'benchmark.load.request_rate_ramp_duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', description: 'Raise the request rate linearly from 0 to --request-rate over this many seconds' },
  { key: 'concurrencyRampDuration', names: ['--concurrency-ramp-duration'], path: 'benchmark.load.concurrency_ramp_duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', description: 'Raise the in-flight cap from 1 to --concurrency in even +1 steps over this many seconds' },
  { key: 'prefillConcurrency', names: ['--prefill-concurrency'], path: 'benchmark.load.prefill_concurrency', kind: 'value', group: 'Load', valueName: '<n[,n…]>', description: 'At most this many requests waiting for their first response bytes (prefill); a comma list sweeps it' },
  { key: 'prefillConcurrencyRampDuration', names: ['--prefill-concurrency-ramp-duration'], path: 'benchmark.load.prefill_concurrency_ramp_duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', description: 'Raise the prefill cap from 1 to --prefill-concurrency in even steps over this many seconds' },
  { key: 'userCentricRate', names: ['--user-centric-rate'], path: 'benchmark.load.user_centric_rate', kind: 'value', group: 'Load', valueName: '<req/s>', description: 'User-centric mode: total req/s over --num-users users; each user sends every num-users/rate seconds (staggered), each turn of its session one gap after the last, a new session when one ends' },
  { key: 'numUsers', names: ['--num-users'], path: 'benchmark.load.num_users', kind: 'value', group: 'Load', valueName: '<n[,n…]>', description: 'Simulated users of --user-centric-rate' },
];

/** Sweep shape, adaptive convergence and SLA flags (the Multi-run & sweeps group). */
export const SEARCH_FLAGS: readonly FlagDef[] = [
  { key: 'sweepType', names: ['--sweep-type'], path: 'sweep.type', kind: 'value', group: 'Multi-run & sweeps', valueName: `<${oneOf(SWEEP_TYPES)}>`, description: 'Several swept flags: grid = every combination, zip = the i-th values together (lists of one length)' },
  { key: 'convergenceMetric', names: ['--convergence-metric'], path: 'multi_run.convergence.metric', kind: 'value', group: 'Multi-run & sweeps', valueName: '<tag>', description: 'Stop once this metric is known well enough, e.g. time_to_first_token: adding runs (up to --num-profile-runs), or within one run (--convergence-scope)' },
  { key: 'convergenceStat', names: ['--convergence-stat'], path: 'multi_run.convergence.stat', kind: 'value', group: 'Multi-run & sweeps', valueName: `<${oneOf(CONVERGENCE_STATS)}>`, description: 'Statistic of --convergence-metric judged' },
  { key: 'convergenceMode', names: ['--convergence-mode'], path: 'multi_run.convergence.mode', kind: 'value', group: 'Multi-run & sweeps', valueName: `<${oneOf(CONVERGENCE_MODES)}>`, description: 'ci_width: CI half-width / mean; cv: standard deviation / mean across runs' },
  { key: 'convergenceThreshold', names: ['--convergence-threshold'], path: 'multi_run.convergence.threshold', kind: 'value', group: 'Multi-run & sweeps', valueName: '<fraction>', description: 'Converged once the --convergence-mode ratio is below this' },
  { key: 'convergenceMinRuns', names: ['--convergence-min-runs'], path: 'multi_run.convergence.min_runs', kind: 'value', group: 'Multi-run & sweeps', valueName: '<n>', description: 'Runs before convergence is judged' },
  { key: 'ttftSlaMs', names: ['--ttft-sla-ms'], path: 'sla.ttft_ms', kind: 'value', group: 'Multi-run & sweeps', valueName: '<ms>', description: 'SLA search: p95 time to first token must stay below this (needs --streaming)' },
  { key: 'itlSlaMs', names: ['--itl-sla-ms', '--tpot-sla-ms'], path: 'sla.itl_ms', kind: 'value', group: 'Multi-run & sweeps', valueName: '<ms>', description: 'SLA search: p95 inter-token latency must stay below this (needs --streaming)' },
  { key: 'e2eSlaMs', names: ['--e2e-sla-ms'], path: 'sla.e2e_ms', kind: 'value', group: 'Multi-run & sweeps', valueName: '<ms>', description: 'SLA search: p99 request latency must stay below this' },
  { key: 'errorRateSla', names: ['--error-rate-sla'], path: 'sla.error_rate', kind: 'value', group: 'Multi-run & sweeps', valueName: '<0..1>', description: 'SLA search: the fraction of failed requests must stay below this' },
  { key: 'sloAttainmentFraction', names: ['--slo-attainment-fraction'], path: 'sla.slo_attainment_fraction', kind: 'value', group: 'Multi-run & sweeps', valueName: '<0..1>', description: 'max-goodput-under-slo: fraction of requests that must meet every SLO' },
];
