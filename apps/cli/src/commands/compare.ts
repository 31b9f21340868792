import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';

export class CompareCommand extends Command<AiperfContext> {
  static override paths = [['compare']];
  static override usage = Command.Usage({
    description: 'Compare two benchmarks side by side and fail on a regression (a CI gate).',
    details: `
      BASE and NEW are artifact directories of the same kind: two runs, two multi-runs (--num-profile-runs; the
      table then shows mean ± half the confidence interval and whether the intervals overlap) or two sweeps (cells
      matched by their parameter values). A directory holding exactly one run directory may be given instead.
      --fail-on takes comma-separated rules <metric>.<stat>:+N% (fail when NEW is more than N% above BASE) or
      -N% (more than N% below); without % the limit is in the metric's unit. A rule on a metric that NEW lacks
      fails. Exit status: 0 when every rule holds, 1 when one trips, 2 on bad input.
    `,
    examples: [
      ['Side by side', '$0 compare artifacts/base artifacts/candidate'],
      ['CI gate on p99 TTFT and throughput', '$0 compare base new --fail-on "time_to_first_token.p99:+10%,output_token_throughput.avg:-5%"'],
    ],
  });

  basePath = Option.String({ name: 'BASE' });
  newPath = Option.String({ name: 'NEW' });
  failOn = Option.Array('--fail-on', [], { description: 'Regression rules, e.g. "time_to_first_token.p99:+10%,request_throughput.avg:-5%" (repeatable)' });
  stats = Option.String('--stats', 'avg,p50,p99', { description: 'Statistics shown per metric (default avg,p50,p99); rule metrics are always shown' });

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const at = (path: string) => resolve(this.context.cwd ?? process.cwd(), path);
    const { compareRuns, loadRun, parseFailRules, renderComparison, ReportInputError } = await import('@aiperf/report');
    try {
      const rules = parseFailRules(this.failOn);
      const stats = this.stats.split(',').map((s) => s.trim()).filter(Boolean);
      const comparison = compareRuns(loadRun(at(this.basePath)), loadRun(at(this.newPath)), { rules, stats });
      stdout.write(renderComparison(comparison, rules.length));
      return comparison.failures.length > 0 ? 1 : 0;
    } catch (error) {
      if (!(error instanceof ReportInputError)) throw error;
      stderr.write(`${error.message.split('\n').map((line) => `aiperf compare: ${line}`).join('\n')}\n`);
      return 2;
    }
  }
}
