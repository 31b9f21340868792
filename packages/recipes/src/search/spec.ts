import type { SaturationRule } from './planner.js';
import type { SlaFilter } from './sla.js';

/** An adaptive search over concurrency under SLAs: what a search recipe hands the runner instead of a grid. */
export interface SearchSpec {
  /** The swept parameter (a name of the sweep-parameter table) and its integer range. */
  parameter: 'concurrency';
  min: number;
  max: number;
  /** Bisection stops once the highest pass and the lowest failure are this close. */
  step: number;
  filters: SlaFilter[];
  /** What "best" means among passing probes: the highest objective, or the highest parameter value. */
  answer: 'max_objective' | 'max_value';
  objective: { metricTag: string; stat: 'avg'; unit: string };
  /** The latency whose climb (with flat throughput) marks saturation. */
  latency: { metricTag: string; stat: string };
  saturation: SaturationRule | null;
  /** Goodput SLOs each probe counts against (max-goodput-under-slo). */
  goodput: Record<string, number> | null;
  /** Count-bound probes send at least this many requests per unit of concurrency (a steady state to judge). */
  requestsPerConcurrency: number;
}
