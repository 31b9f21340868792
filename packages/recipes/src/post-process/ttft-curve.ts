import { polyfit, rSquared } from './curve-fit.js';
import { extractPoints } from './points.js';
import type { PostProcessHandler } from './types.js';

/** TTFT as a function of input length: linear, or quadratic when that explains clearly more. */
export const ttftCurveFitHandler: PostProcessHandler = {
  name: 'ttft_curve_fit',
  description: 'Fit time to first token against input sequence length (linear, else quadratic).',
  process(aggregate, params) {
    const tag = String(params.metric_tag ?? 'time_to_first_token');
    const stat = String(params.stat ?? 'avg');
    const swept = String(params.swept_param ?? 'datasets.main.prompts.isl');
    const floor = Number(params.r_squared_floor ?? 0.85);
    const points = extractPoints(aggregate, swept, tag, stat);
    if (points.length < 2) throw new Error(`ttft_curve_fit needs at least 2 points, got ${points.length}`);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    let form: 'linear' | 'quadratic' = 'linear';
    let coefficients = polyfit(xs, ys, 1);
    let r2 = rSquared(xs, ys, coefficients);
    if (r2 < floor && points.length >= 3) {
      const quadratic = polyfit(xs, ys, 2);
      const quadraticR2 = rSquared(xs, ys, quadratic);
      if (quadraticR2 > r2) [form, coefficients, r2] = ['quadratic', quadratic, quadraticR2];
    }
    return {
      fit_form: form,
      coefficients,
      r_squared: r2,
      below_floor: r2 < floor,
      r_squared_floor: floor,
      raw_points: points.map((p) => ({ isl: p.x, ttft_ms: p.y })),
      swept_metric: tag,
      stat,
      swept_param: swept,
    };
  },
};
