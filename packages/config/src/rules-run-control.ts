import type { ConfigRule, RuleContext } from './rules.js';
import type { AiperfConfig } from './schema.js';
import { ARRIVAL_PATTERNS } from './yaml-schema.js';

const WARMUP_LOAD_KEYS = [
  'concurrency', 'request_rate', 'arrival_pattern', 'grace_period_seconds', 'concurrency_ramp_duration_seconds',
  'request_rate_ramp_duration_seconds', 'prefill_concurrency', 'prefill_concurrency_ramp_duration_seconds',
] as const;
const WAIT_KEYS = ['mode', 'interval_seconds'] as const;

/** Warmup load settings need a warmup, a grace period a timed one; readiness settings need a timeout. */
export const runControl: ConfigRule = {
  name: 'run-control',
  apply(config, ctx) {
    const { warmup, load, waitForModel } = config.benchmark;
    const at = (key: string) => ctx.where(`benchmark.warmup.${key}`);
    const pattern = warmup.arrivalPattern;
    if (pattern !== null && !(ARRIVAL_PATTERNS as readonly string[]).includes(pattern))
      ctx.errors.push({ where: at('arrival_pattern'), message: `got ${JSON.stringify(pattern)}; allowed: ${ARRIVAL_PATTERNS.join(', ')}` });
    const hasWarmup = load.warmupRequestCount > 0 || warmup.durationSeconds !== null || warmup.numSessions !== null;
    for (const key of WARMUP_LOAD_KEYS) {
      if (!ctx.given(`benchmark.warmup.${key}`)) continue;
      if (!hasWarmup) ctx.errors.push({ where: at(key), message: `only applies with a warmup; add ${ctx.where('benchmark.load.warmup_request_count')} N, ${at('num_sessions')} N or ${at('duration_seconds')} S` });
      else if (load.mode !== 'concurrency' && load.mode !== 'request_rate' && key !== 'grace_period_seconds')
        ctx.errors.push({ where: at(key), message: `applies to concurrency and request-rate runs, not the ${load.mode} timing mode` });
    }
    if (hasWarmup && ctx.given('benchmark.warmup.grace_period_seconds') && warmup.durationSeconds === null)
      ctx.errors.push({ where: at('grace_period_seconds'), message: `only applies to a timed warmup; add ${at('duration_seconds')} S` });
    if (hasWarmup && pattern !== null && warmup.requestRate === null && load.requestRate === null)
      ctx.errors.push({ where: at('arrival_pattern'), message: `needs a request rate; add ${at('request_rate')} or ${ctx.where('benchmark.load.request_rate')}` });
    if (hasWarmup) warmupRampChecks(config, ctx);
    for (const key of WAIT_KEYS) {
      if (ctx.given(`benchmark.wait_for_model.${key}`) && waitForModel.timeoutSeconds === 0)
        ctx.errors.push({ where: ctx.where(`benchmark.wait_for_model.${key}`), message: `only applies when waiting for the model; add ${ctx.where('benchmark.wait_for_model.timeout_seconds')} S (S > 0)` });
    }
  },
};

/**
 * A warmup ramp needs the value it ramps to (the warmup's own, else the profiling one) and must end inside a
 * timed warmup; a warmup prefill cap above the warmup concurrency limits nothing.
 */
function warmupRampChecks(config: AiperfConfig, ctx: RuleContext): void {
  const { warmup, load } = config.benchmark;
  const at = (key: string) => ctx.where(`benchmark.warmup.${key}`);
  const rate = warmup.requestRate ?? (load.requestRateSeries === null ? load.requestRate : null);
  const concurrency = warmup.concurrency ?? load.concurrency;
  const prefill = warmup.prefillConcurrency ?? load.prefillConcurrency;
  const ramps = [
    ['request_rate_ramp_duration_seconds', warmup.requestRateRampDurationSeconds, rate === null ? `${at('request_rate')} or ${ctx.where('benchmark.load.request_rate')}` : null],
    ['concurrency_ramp_duration_seconds', warmup.concurrencyRampDurationSeconds, concurrency === null ? `${at('concurrency')} or ${ctx.where('benchmark.load.concurrency')}` : null],
    ['prefill_concurrency_ramp_duration_seconds', warmup.prefillConcurrencyRampDurationSeconds, prefill === null ? `${at('prefill_concurrency')} or ${ctx.where('benchmark.load.prefill_concurrency')}` : null],
  ] as const;
  for (const [key, seconds, missing] of ramps) {
    if (seconds === null) continue;
    if (missing !== null) ctx.errors.push({ where: at(key), message: `needs ${missing} (the value it ramps to)` });
    else if (warmup.durationSeconds !== null && seconds >= warmup.durationSeconds)
      ctx.errors.push({ where: at(key), message: `got ${seconds} s, which is not shorter than ${at('duration_seconds')} ${warmup.durationSeconds} s; the ramp must end inside the warmup` });
  }
  if (warmup.prefillConcurrency !== null && concurrency !== null && warmup.prefillConcurrency > concurrency)
    ctx.warnings.push(`${at('prefill_concurrency')}: ${warmup.prefillConcurrency} is above the warmup concurrency ${concurrency}, so it never limits anything`);
}
