import type { MultiRunConfig } from '@aiperf/config';
import { studentTInterval } from '@aiperf/stats';
import { summaryValue } from '../search/sla.js';

type Convergence = NonNullable<MultiRunConfig['convergence']>;

export interface ConvergenceCheck {
  converged: boolean;
  /** The judged ratio (CI half-width / mean, or std / mean), null when it cannot be computed yet. */
  ratio: number | null;
  /** One line for the log. */
  text: string;
}

/**
 * Whether repeated runs know `metric.stat` well enough to stop adding runs: after `min_runs`, the Student-t CI
 * half-width (ci_width) or the standard deviation (cv) across runs, relative to the mean, is below the threshold.
 */
export function checkConvergence(
  summaries: readonly Record<string, unknown>[],
  convergence: Pick<Convergence, 'metric' | 'stat' | 'mode' | 'threshold' | 'minRuns'>,
  confidenceLevel: number,
): ConvergenceCheck {
  const { metric, stat, mode, threshold, minRuns } = convergence;
  const values = summaries.map((s) => summaryValue(s, metric!, stat)).filter((v): v is number => v !== null);
  const label = `${metric} ${stat}`;
  if (values.length < minRuns) return { converged: false, ratio: null, text: `${label}: ${values.length} of at least ${minRuns} runs` };
  const interval = studentTInterval(values, confidenceLevel);
  const spread = mode === 'cv' ? interval.std : interval.halfWidth;
  const ratio = interval.mean !== 0 ? Math.abs(spread / interval.mean) : Number.POSITIVE_INFINITY;
  const what = mode === 'cv' ? 'CV' : `${Math.round(confidenceLevel * 100)}% CI half-width / mean`;
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  return { converged: ratio < threshold, ratio, text: `${label} over ${values.length} runs: ${what} ${pct(ratio)} ${ratio < threshold ? '<' : '≥'} ${pct(threshold)}` };
}
