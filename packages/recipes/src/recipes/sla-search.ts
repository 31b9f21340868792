import type { SlaConfig } from '@aiperf/config';
import { type SlaFilter, slaFilters } from '../search/sla.js';
import type { SearchSpec } from '../search/spec.js';
import { numberParam, unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

const PARAMS = ['concurrencyMin', 'concurrencyMax', 'concurrencyStep', 'requestsPerConcurrency'];
// Doubling the load must lift the objective ≥ 50% (unsaturated it nearly doubles; saturated it stays within noise).
const SATURATION = { gain: 0.5, latencyRise: 0.2 };

function range(ctx: RecipeContext, errors: string[]) {
  const min = numberParam(ctx.params, 'concurrencyMin', 1, errors, { integer: true, min: 1 });
  const max = numberParam(ctx.params, 'concurrencyMax', 256, errors, { integer: true, min: 1 });
  const step = numberParam(ctx.params, 'concurrencyStep', 1, errors, { integer: true, min: 1 });
  const requestsPerConcurrency = numberParam(ctx.params, 'requestsPerConcurrency', 4, errors, { min: 1 });
  if (min >= max) errors.push(`concurrencyMin: ${min} must be below concurrencyMax (${max})`);
  return { min, max, step, requestsPerConcurrency };
}

const noSla = (): SlaConfig => ({ ttftMs: null, itlMs: null, e2eMs: null, errorRate: null, sloAttainmentFraction: 0.95 });

interface SearchRecipeDef {
  name: string;
  description: string;
  /** Every SLA flag the recipe needs, with what it is. */
  requires: ReadonlyArray<readonly [key: keyof SlaConfig, flag: string, what: string]>;
  answer: SearchSpec['answer'];
  goodput: boolean;
}

/**
 * A search recipe: bracket then bisect over concurrency under the SLA flags (--ttft-sla-ms, --itl-sla-ms,
 * --e2e-sla-ms, --error-rate-sla), stopping early at saturation. `expand` gives the equivalent grid (every step of
 * the range), which the search avoids running; the runner calls `search`.
 */
function searchRecipe(def: SearchRecipeDef): Recipe & { search(ctx: RecipeContext): SearchSpec } {
  const filtersOf = (ctx: RecipeContext): SlaFilter[] => {
    const sla = ctx.sla ?? noSla();
    const filters = slaFilters(sla);
    if (def.goodput) filters.push({ metricTag: 'good_request_fraction', stat: 'avg', op: 'ge', threshold: sla.sloAttainmentFraction, flag: '--slo-attainment-fraction' });
    return filters;
  };
  return {
    name: def.name,
    description: def.description,
    autoPlotDefault: false,
    paramNames: PARAMS,
    validate(ctx) {
      const errors = unknownParamErrors(def.name, ctx.params, PARAMS);
      range(ctx, errors);
      const sla = ctx.sla ?? noSla();
      for (const [key, flag, what] of def.requires) if (sla[key] === null) errors.push(`${flag}: recipe '${def.name}' needs it (${what})`);
      if (def.requires.length === 0 && slaFilters(sla).length === 0)
        errors.push(`--ttft-sla-ms, --itl-sla-ms, --e2e-sla-ms or --error-rate-sla: recipe '${def.name}' needs at least one SLA`);
      return errors;
    },
    expand(ctx) {
      const { min, max, step } = range(ctx, []);
      const grid: number[] = [];
      for (let c = min; c <= max; c += step) grid.push(c);
      return { sweepParameters: { concurrency: grid } };
    },
    search(ctx) {
      const { min, max, step, requestsPerConcurrency } = range(ctx, []);
      const sla = ctx.sla ?? noSla();
      const streaming = ctx.benchmark.endpoint.streaming;
      return {
        parameter: 'concurrency', min, max, step, filters: filtersOf(ctx), answer: def.answer,
        objective: def.goodput ? { metricTag: 'goodput', stat: 'avg', unit: 'req/s' } : { metricTag: 'request_throughput', stat: 'avg', unit: 'req/s' },
        latency: streaming ? { metricTag: 'time_to_first_token', stat: 'p95' } : { metricTag: 'request_latency', stat: 'p95' },
        saturation: SATURATION,
        goodput: def.goodput ? { time_to_first_token: sla.ttftMs!, inter_token_latency: sla.itlMs!, request_latency: sla.e2eMs! } : null,
        requestsPerConcurrency,
      };
    },
    describe(ctx) {
      const { min, max } = range(ctx, []);
      return `${def.name}: bracket then bisect concurrency in [${min}, ${max}] under ${filtersOf(ctx).map((f) => f.flag).join(', ') || 'the SLA flags'}`;
    },
  };
}

export const maxThroughputUnderTtftSlaRecipe = searchRecipe({
  name: 'max-throughput-under-ttft-sla',
  description: 'Highest throughput whose p95 TTFT stays under --ttft-sla-ms (bracket then bisect over concurrency).',
  requires: [['ttftMs', '--ttft-sla-ms', 'the p95 TTFT limit in ms']],
  answer: 'max_objective',
  goodput: false,
});

export const maxThroughputUnderItlSlaRecipe = searchRecipe({
  name: 'max-throughput-under-itl-sla',
  description: 'Highest throughput whose p95 inter-token latency stays under --itl-sla-ms.',
  requires: [['itlMs', '--itl-sla-ms', 'the p95 inter-token latency limit in ms']],
  answer: 'max_objective',
  goodput: false,
});

export const maxConcurrencyUnderSlaRecipe = searchRecipe({
  name: 'max-concurrency-under-sla',
  description: 'Highest concurrency that meets every SLA flag given (bracket then bisect).',
  requires: [],
  answer: 'max_value',
  goodput: false,
});

export const maxGoodputUnderSloRecipe = searchRecipe({
  name: 'max-goodput-under-slo',
  description: 'Highest goodput with --slo-attainment-fraction of requests meeting TTFT, ITL and end-to-end SLOs.',
  requires: [
    ['ttftMs', '--ttft-sla-ms', 'the TTFT SLO in ms'],
    ['itlMs', '--itl-sla-ms', 'the inter-token latency SLO in ms'],
    ['e2eMs', '--e2e-sla-ms', 'the request latency SLO in ms'],
  ],
  answer: 'max_objective',
  goodput: true,
});

export const slaSearchRecipes = [maxThroughputUnderTtftSlaRecipe, maxThroughputUnderItlSlaRecipe, maxConcurrencyUnderSlaRecipe, maxGoodputUnderSloRecipe];
