import type { ConfigRule } from './rules.js';
import { ARRIVAL_PATTERNS } from './yaml-schema.js';

const WARMUP_LOAD_KEYS = ['concurrency', 'request_rate', 'arrival_pattern', 'grace_period_seconds'] as const;
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
    for (const key of WAIT_KEYS) {
      if (ctx.given(`benchmark.wait_for_model.${key}`) && waitForModel.timeoutSeconds === 0)
        ctx.errors.push({ where: ctx.where(`benchmark.wait_for_model.${key}`), message: `only applies when waiting for the model; add ${ctx.where('benchmark.wait_for_model.timeout_seconds')} S (S > 0)` });
    }
  },
};
