import { parseRateSeries } from './rate-series.js';
import type { ConfigRule } from './rules.js';

const LOAD = 'benchmark.load';
const CONCURRENCY = `${LOAD}.concurrency`;

/** The timing mode the load-shape settings imply: a rate series is request-rate mode; a user-centric rate its own. */
export const loadShapeMode: ConfigRule = {
  name: 'load-shape-mode',
  apply(config, ctx) {
    const load = config.benchmark.load;
    const explicitMode = ctx.given(`${LOAD}.timing_mode`) || load.mode === 'fixed_schedule';
    if (load.userCentricRate !== null) {
      if (load.requestRate !== null) ctx.errors.push({ where: ctx.where(`${LOAD}.user_centric_rate`), message: `cannot be combined with ${ctx.where(`${LOAD}.request_rate`)}; choose one rate` });
      if (load.numUsers === null) ctx.errors.push({ where: ctx.where(`${LOAD}.user_centric_rate`), message: `needs ${ctx.where(`${LOAD}.num_users`)} (the users the rate is spread over)` });
      if (!explicitMode) load.mode = 'user_centric';
    } else if (load.numUsers !== null) {
      ctx.errors.push({ where: ctx.where(`${LOAD}.num_users`), message: `only applies with ${ctx.where(`${LOAD}.user_centric_rate`)}` });
    }
    if (load.requestRateSeries !== null) {
      const parsed = parseRateSeries(load.requestRateSeries);
      const where = ctx.where(`${LOAD}.request_rate_series`);
      if (typeof parsed === 'string') ctx.errors.push({ where, message: `got ${JSON.stringify(load.requestRateSeries)}: ${parsed}; expected "rate:seconds,…,rate" e.g. "5:10,20:10,10"` });
      else if (load.requestRate !== null) ctx.errors.push({ where, message: `cannot be combined with ${ctx.where(`${LOAD}.request_rate`)}; the series gives the rates` });
      else {
        // The series' first rate stands for the run (directory name, description); the schedule follows the series.
        load.requestRate = parsed[0]!.rate > 0 ? parsed[0]!.rate : parsed.find((s) => s.rate > 0)!.rate;
        if (!explicitMode) load.mode = 'request_rate';
      }
    }
    const smoothness = `${LOAD}.arrival_smoothness`;
    if (load.arrivalSmoothness !== null) {
      if (ctx.given(`${LOAD}.arrival_pattern`) && load.arrivalPattern !== 'gamma')
        ctx.errors.push({ where: ctx.where(smoothness), message: `only applies to gamma arrivals; got ${ctx.where(`${LOAD}.arrival_pattern`)} ${load.arrivalPattern}` });
      load.arrivalPattern = 'gamma';
    }
  },
};

/** A ramp must end inside the run, and each ramp needs the target it ramps to. */
export const loadShapeChecks: ConfigRule = {
  name: 'load-shape-checks',
  apply(config, ctx) {
    const load = config.benchmark.load;
    const durations = (config.sweep?.parameters.benchmark_duration as number[] | undefined) ?? (load.benchmarkDurationSeconds === null ? [] : [load.benchmarkDurationSeconds]);
    const shortest = durations.length > 0 ? Math.min(...durations) : null;
    const ramps = [
      [`${LOAD}.request_rate_ramp_duration_seconds`, load.requestRateRampDurationSeconds, load.requestRate === null || load.requestRateSeries !== null ? `${LOAD}.request_rate` : null],
      [`${LOAD}.concurrency_ramp_duration_seconds`, load.concurrencyRampDurationSeconds, load.concurrency === null ? CONCURRENCY : null],
      [`${LOAD}.prefill_concurrency_ramp_duration_seconds`, load.prefillConcurrencyRampDurationSeconds, load.prefillConcurrency === null ? `${LOAD}.prefill_concurrency` : null],
    ] as const;
    for (const [path, seconds, missing] of ramps) {
      if (seconds === null) continue;
      if (missing !== null) {
        const why = load.requestRateSeries !== null && missing.endsWith('request_rate') ? ' (a rate series sets its own rates: ramp with a first piece instead)' : '';
        ctx.errors.push({ where: ctx.where(path), message: `needs ${ctx.where(missing)} (the value it ramps to)${why}` });
      } else if (shortest !== null && seconds >= shortest) {
        ctx.errors.push({ where: ctx.where(path), message: `got ${seconds} s, which is not shorter than ${ctx.where(`${LOAD}.benchmark_duration_seconds`)} ${shortest} s; the ramp must end inside the run` });
      }
    }
    if (load.prefillConcurrency !== null && load.concurrency !== null && load.prefillConcurrency > load.concurrency)
      ctx.warnings.push(`${ctx.where(`${LOAD}.prefill_concurrency`)}: ${load.prefillConcurrency} is above ${ctx.where(CONCURRENCY)} ${load.concurrency}, so it never limits anything`);
  },
};

/** SLA flags steer a search recipe; TTFT and ITL exist only for streamed responses. */
export const slaSettings: ConfigRule = {
  name: 'sla-settings',
  apply(config, ctx) {
    const given = (['ttft_ms', 'itl_ms', 'e2e_ms', 'error_rate'] as const).filter((key) => ctx.given(`sla.${key}`));
    for (const key of ['ttft_ms', 'itl_ms'] as const) {
      if (ctx.given(`sla.${key}`) && !config.benchmark.endpoint.streaming)
        ctx.errors.push({ where: ctx.where(`sla.${key}`), message: `needs --streaming: ${key === 'ttft_ms' ? 'time to first token' : 'inter-token latency'} is only measured on streamed responses` });
    }
    if (given.length > 0 && config.recipe === null)
      ctx.errors.push({ where: ctx.where(`sla.${given[0]}`), message: 'only applies to an SLA search recipe; add --recipe max-throughput-under-ttft-sla, max-throughput-under-itl-sla, max-concurrency-under-sla or max-goodput-under-slo' });
  },
};

/** Adaptive multi-run: a metric to judge and room for more than one run. */
export const convergenceSettings: ConfigRule = {
  name: 'convergence-settings',
  apply(config, ctx) {
    const convergence = config.multiRun.convergence;
    if (convergence === null) return;
    const metric = 'multi_run.convergence.metric';
    if (convergence.metric === null) {
      const given = (['stat', 'mode', 'threshold', 'min_runs'] as const).find((key) => ctx.given(`multi_run.convergence.${key}`)) ?? 'threshold';
      ctx.errors.push({ where: ctx.where(`multi_run.convergence.${given}`), message: `needs ${ctx.where(metric)} (the metric whose spread decides when to stop)` });
    } else if (config.multiRun.numProfileRuns < 2) {
      ctx.errors.push({ where: ctx.where(metric), message: `needs ${ctx.where('multi_run.num_runs')} above 1 (the most runs to try before stopping)` });
    } else if (convergence.minRuns > config.multiRun.numProfileRuns) {
      ctx.errors.push({ where: ctx.where('multi_run.convergence.min_runs'), message: `got ${convergence.minRuns}, which exceeds ${ctx.where('multi_run.num_runs')} ${config.multiRun.numProfileRuns}` });
    }
  },
};
