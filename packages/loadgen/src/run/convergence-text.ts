import type { ConvergenceStatus } from './convergence-watch.js';

const percent = (fraction: number) => (Number.isFinite(fraction) ? `${(fraction * 100).toFixed(fraction < 0.1 ? 2 : 1)}%` : '∞');

/** `12 s` / `3m05s`, or `--` when unknown. */
export function etaText(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const whole = Math.ceil(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

/** `time_to_first_token p50 ±3.21% ≤ 5.00% (95% CI, n = 230)`: the judgement in one phrase (pure). */
export function describeConvergence(status: ConvergenceStatus): string {
  const level = `${Math.round(status.confidenceLevel * 100)}% CI, n = ${status.n}`;
  if (status.margin === null) return `${status.metric} ${status.stat}: ${status.n} values, too few to judge (${level})`;
  return `${status.metric} ${status.stat} ±${percent(status.margin)} ${status.margin <= status.threshold ? '≤' : '>'} ${percent(status.threshold)} (${level})`;
}

/**
 * The progress line's convergence part: `p50 time_to_first_token ±7.40% → 5.00%, ETA 9 s` (`ETA 9 s (budget)` when
 * the request or duration budget ends the run first; `converged` once it has). Pure.
 */
export function convergenceProgress(status: ConvergenceStatus): string {
  const target = `→ ${percent(status.threshold)}`;
  if (status.converged) return `${status.metric} ${status.stat} ±${percent(status.margin ?? 0)} converged`;
  const margin = status.margin === null ? `n ${status.n}` : `±${percent(status.margin)}`;
  const bound = status.eta.bound === 'budget' ? ' (budget)' : '';
  return `${status.metric} ${status.stat} ${margin} ${target}, ETA ${etaText(status.eta.seconds)}${bound}`;
}
