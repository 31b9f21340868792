import type { FlagDef } from './flag-types.js';
import { WAIT_FOR_MODEL_MODES } from './yaml-schema-run-control.js';

/** Readiness polling before the run (the Endpoint group, as AIPerf places it). */
export const WAIT_FOR_MODEL_FLAGS: readonly FlagDef[] = [
  { key: 'waitForModelTimeout', names: ['--wait-for-model-timeout'], path: 'benchmark.wait_for_model.timeout_seconds', kind: 'value', group: 'Endpoint', valueName: '<s>', description: 'Before the run, poll the server until the model is ready, giving up (exit 1) after this many seconds; 0 = do not wait' },
  { key: 'waitForModelMode', names: ['--wait-for-model-mode'], path: 'benchmark.wait_for_model.mode', kind: 'value', group: 'Endpoint', valueName: `<${WAIT_FOR_MODEL_MODES.join(' | ')}>`, description: 'models: GET /v1/models lists the model; inference: a one-token request succeeds; both: models, then inference' },
  { key: 'waitForModelInterval', names: ['--wait-for-model-interval'], path: 'benchmark.wait_for_model.interval_seconds', kind: 'value', group: 'Endpoint', valueName: '<s>', description: 'Seconds between readiness probes (needs --wait-for-model-timeout)' },
];

/** Warmup by time with its own load, and the stop on failed requests (the Load group). */
export const RUN_CONTROL_LOAD_FLAGS: readonly FlagDef[] = [
  { key: 'warmupDuration', names: ['--warmup-duration'], path: 'benchmark.warmup.duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', description: 'Warm up for this many seconds (with --warmup-request-count: whichever comes first); excluded from metrics' },
  { key: 'numWarmupSessions', names: ['--num-warmup-sessions'], path: 'benchmark.warmup.num_sessions', kind: 'value', group: 'Load', valueName: '<n>', description: 'Warm up with this many whole sessions (multi-turn: every turn of each; with the other warmup limits: whichever comes first)' },
  { key: 'warmupConcurrency', names: ['--warmup-concurrency'], path: 'benchmark.warmup.concurrency', kind: 'value', group: 'Load', valueName: '<n>', defaultText: '--concurrency', description: 'Max requests in flight during warmup; at most --concurrency (connections are opened for profiling)' },
  { key: 'warmupRequestRate', names: ['--warmup-request-rate'], path: 'benchmark.warmup.request_rate', kind: 'value', group: 'Load', valueName: '<req/s>', defaultText: '--request-rate', description: 'Request rate during warmup (warmup then runs in request-rate mode)' },
  { key: 'warmupArrivalPattern', names: ['--warmup-arrival-pattern'], path: 'benchmark.warmup.arrival_pattern', kind: 'value', group: 'Load', valueName: '<pattern>', defaultText: '--arrival-pattern', description: 'Gaps between warmup requests (needs a request rate)' },
  { key: 'warmupConcurrencyRampDuration', names: ['--warmup-concurrency-ramp-duration'], path: 'benchmark.warmup.concurrency_ramp_duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', defaultText: '--concurrency-ramp-duration', description: 'Raise the warmup in-flight cap from 1 to --warmup-concurrency in even +1 steps over this many seconds' },
  { key: 'warmupRequestRateRampDuration', names: ['--warmup-request-rate-ramp-duration'], path: 'benchmark.warmup.request_rate_ramp_duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', defaultText: '--request-rate-ramp-duration', description: 'Raise the warmup request rate linearly from 0 to --warmup-request-rate over this many seconds' },
  { key: 'warmupPrefillConcurrency', names: ['--warmup-prefill-concurrency'], path: 'benchmark.warmup.prefill_concurrency', kind: 'value', group: 'Load', valueName: '<n>', defaultText: '--prefill-concurrency', description: 'During warmup, at most this many requests waiting for their first response bytes' },
  { key: 'warmupPrefillConcurrencyRampDuration', names: ['--warmup-prefill-concurrency-ramp-duration'], path: 'benchmark.warmup.prefill_concurrency_ramp_duration_seconds', kind: 'value', group: 'Load', valueName: '<s>', defaultText: '--prefill-concurrency-ramp-duration', description: 'Raise the warmup prefill cap from 1 to --warmup-prefill-concurrency in even steps over this many seconds' },
  { key: 'warmupGracePeriod', names: ['--warmup-grace-period'], path: 'benchmark.warmup.grace_period_seconds', kind: 'value', group: 'Load', valueName: '<s>', defaultText: 'wait for all', description: 'After --warmup-duration, wait at most this long for warmup answers before profiling starts' },
  { key: 'failedRequestThreshold', names: ['--failed-request-threshold'], path: 'benchmark.failed_request_threshold', kind: 'value', group: 'Load', valueName: '<0..1>', description: 'Stop profiling once this fraction of finished requests failed (judged after max(10, concurrency) requests); results are written, exit 1' },
];
