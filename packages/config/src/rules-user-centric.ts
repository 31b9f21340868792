import type { ConfigRule } from './rules.js';

const LOAD = 'benchmark.load';

/**
 * User-centric mode times each user's requests on a fixed gap (num_users / rate), so an arrival pattern (the gaps
 * of a rate schedule) and a rate ramp or series have nothing to shape there.
 */
export const userCentricChecks: ConfigRule = {
  name: 'user-centric-checks',
  apply(config, ctx) {
    if (config.benchmark.load.userCentricRate === null) return;
    for (const key of ['arrival_pattern', 'arrival_smoothness', 'request_rate_ramp_duration_seconds', 'request_rate_series'] as const) {
      if (ctx.given(`${LOAD}.${key}`))
        ctx.errors.push({ where: ctx.where(`${LOAD}.${key}`), message: `does not apply to ${ctx.where(`${LOAD}.user_centric_rate`)}: each user sends on a fixed gap of num-users / rate seconds` });
    }
  },
};
