import { toDisplayUnit } from '../metrics/types.js';
import type { EngineRegistries } from '../types.js';
import type { ConvergenceStatus } from './convergence-watch.js';
import { describeConvergence } from './convergence-text.js';

interface Outcome {
  /** The judgement over every profiling value (what the exported metrics cover). */
  status: ConvergenceStatus;
  /** The judgement that stopped profiling; null when the run went to its budget. */
  atStop: ConvergenceStatus | null;
}

const finiteOrNull = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

/**
 * The summary's `convergence` block (profile_export_aiperf.json): whether profiling stopped on convergence and the
 * judgement that stopped it (`stop`: n and margin then), and the final judgement over every profiling value (the
 * requests in flight at the stop finish and count too), the statistic and its interval in the metric's display unit.
 */
export function convergenceSummary({ status, atStop }: Outcome, registries: Pick<EngineRegistries, 'metrics'>): Record<string, unknown> {
  const metric = registries.metrics.get(status.metric);
  const shown = (value: number | null) => {
    const finite = finiteOrNull(value);
    return finite === null || !metric ? finite : toDisplayUnit(metric, finite);
  };
  return {
    metric: status.metric,
    stat: status.stat,
    unit: metric?.displayUnit ?? null,
    threshold: status.threshold,
    confidence_level: status.confidenceLevel,
    stopped_on_convergence: atStop !== null,
    stop: atStop === null ? null : { n: atStop.n, margin: finiteOrNull(atStop.margin), estimate: shown(atStop.estimate) },
    converged: status.converged,
    margin: finiteOrNull(status.margin),
    n: status.n,
    estimate: shown(status.estimate),
    ci_low: shown(status.low),
    ci_high: shown(status.high),
  };
}

/** The console note: why profiling ended (or that it ran to its budget without converging). */
export function convergenceNote({ status, atStop }: Outcome, registries: Pick<EngineRegistries, 'metrics'>): string {
  const metric = registries.metrics.get(status.metric);
  const value = (s: ConvergenceStatus) => (s.estimate !== null && metric ? ` = ${toDisplayUnit(metric, s.estimate).toFixed(2)} ${metric.displayUnit}` : '');
  if (atStop !== null) {
    const after = status.n > atStop.n ? `; with the ${status.n - atStop.n} requests then in flight: ${describeConvergence(status)}${value(status)}` : '';
    return `profiling stopped on convergence: ${describeConvergence(atStop)}${value(atStop)}${after}`;
  }
  return `${status.converged ? 'converged at the end of the budget' : 'did not converge within the request/duration budget'}: ${describeConvergence(status)}${value(status)}`;
}
