import { unknownParamErrors } from './params.js';
import type { Recipe, RecipeContext } from './types.js';

const DEFAULT_CONCURRENCY = [1, 4, 16, 64, 256];

function parsePairs(raw: unknown, errors: string[]): { isl: number; osl: number }[] {
  if (typeof raw !== 'string' || raw.trim() === '') {
    errors.push(`islOslPairs: ${JSON.stringify(raw ?? null)} is required; expected "isl/osl,isl/osl", e.g. "512/128,2048/256"`);
    return [];
  }
  const pairs: { isl: number; osl: number }[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(',').map((p) => p.replace(/\s+/g, ''))) {
    const match = /^(\d+)\/(\d+)$/.exec(part);
    const isl = Number(match?.[1]);
    const osl = Number(match?.[2]);
    if (!match || isl < 1 || osl < 1) {
      errors.push(`islOslPairs: '${part}' is not allowed; each pair is <positive isl>/<positive osl>`);
    } else if (seen.has(part)) {
      errors.push(`islOslPairs: '${part}' is listed twice`);
    } else {
      seen.add(part);
      pairs.push({ isl, osl });
    }
  }
  return pairs;
}

function parseConcurrency(raw: unknown, errors: string[]): number[] {
  if (raw === undefined || raw === null) return DEFAULT_CONCURRENCY;
  const list = Array.isArray(raw) ? raw : String(raw).split(',');
  const values = list.map((v) => Number(typeof v === 'string' ? v.trim() : v));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)) {
    errors.push(`concurrency: ${JSON.stringify(raw)} is not allowed; expected positive integers, e.g. 1,4,16`);
    return [];
  }
  return values;
}

function cells(ctx: RecipeContext, errors: string[]) {
  const pairs = parsePairs(ctx.params.islOslPairs, errors);
  const concurrency = parseConcurrency(ctx.params.concurrency, errors);
  if (errors.length === 0 && pairs.length * concurrency.length < 2) {
    errors.push('pareto-sweep needs at least 2 cells (isl/osl pairs × concurrency values)');
  }
  return pairs.flatMap(({ isl, osl }) => concurrency.map((c) => ({ isl, osl, concurrency: c })));
}

/** (isl, osl) shapes × concurrency as paired scenarios; it searches for an optimum, so auto-plot stays off by default. */
export const paretoSweepRecipe: Recipe = {
  name: 'pareto-sweep',
  description: 'Map the throughput/latency Pareto frontier across (ISL, OSL) shapes and concurrency levels.',
  paramNames: ['islOslPairs', 'concurrency'],
  validate(ctx) {
    const errors = unknownParamErrors(this.name, ctx.params, this.paramNames);
    cells(ctx, errors);
    return errors;
  },
  expand(ctx) {
    return {
      scenarios: cells(ctx, []).map((v) => ({ name: `shape_${v.isl}_${v.osl}_c${v.concurrency}`, values: v })),
      postProcess: {
        handler: 'pareto_sweep_export',
        params: { x_metric: 'time_to_first_token', x_stat: 'p95', y_metric: 'output_token_throughput', y_stat: 'avg' },
        outputFilename: 'pareto_sweep.json',
      },
    };
  },
  describe(ctx) {
    return `pareto-sweep: ${cells(ctx, []).length} scenarios`;
  },
};
