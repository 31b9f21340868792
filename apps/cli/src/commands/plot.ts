import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';

const THEMES = ['light', 'dark'] as const;

export class PlotCommand extends Command<AiperfContext> {
  static override paths = [['plot']];
  static override usage = Command.Usage({
    description: 'Plot the artifacts of one or more profile runs.',
    details: `
      A directory holding profile_export.jsonl is one run (single-run plots over time: TTFT, ITL, latency,
      dispersed throughput, the request timeline, timeslices, GPU telemetry). A directory of run directories,
      or several paths, is compared (multi-run plots: TTFT vs throughput, Pareto curves). PNGs, summary.txt and
      aiperf_plot.log go to --output, else <first path>/plots. Which plots are drawn comes from --config, else a
      run's .aiperf-plot-config.yaml, else ~/.aiperf/plot_config.yaml (created with a guide on first run).
    `,
    examples: [
      ['Plot one run', '$0 plot artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency8'],
      ['Compare the runs of a sweep, dark theme', '$0 plot artifacts/sweep --theme dark'],
      ['Compare two runs into a chosen directory', '$0 plot runA runB --output comparison'],
    ],
  });

  inputPaths = Option.Rest({ name: 'paths' });
  output = Option.String('--output', { description: 'Directory for the PNGs and the log (default: <first path>/plots)' });
  theme = Option.String('--theme', 'light', { description: 'light (default) or dark' });
  config = Option.String('--config', { description: 'Plot config YAML (beats .aiperf-plot-config.yaml and ~/.aiperf/plot_config.yaml)' });
  svg = Option.Boolean('--svg', false, { description: 'Also write <name>.svg next to each PNG' });
  verbose = Option.Boolean('--verbose', false, { description: 'Debug lines in aiperf_plot.log and every log line on the console' });

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const theme = this.theme.toLowerCase();
    if (!THEMES.includes(theme as (typeof THEMES)[number])) {
      stderr.write(`aiperf plot: --theme: '${this.theme}' is not a valid theme; allowed: ${THEMES.join(', ')}\n`);
      return 2;
    }
    const cwd = this.context.cwd ?? process.cwd();
    const at = (path: string) => resolve(cwd, path);
    const { plot, PlotConfigError, PlotInputError } = await import('@aiperf/plot');
    try {
      const result = await plot({
        paths: (this.inputPaths.length > 0 ? this.inputPaths : ['./artifacts']).map(at),
        ...(this.output ? { outputDir: at(this.output) } : {}),
        ...(this.config ? { configPath: at(this.config) } : {}),
        theme: theme as (typeof THEMES)[number],
        verbose: this.verbose,
        svg: this.svg,
        log: (line) => stdout.write(`${line}\n`),
      });
      if (result.files.length > 0) return 0;
      const reasons = result.skipped.map(({ name, reason }) => `${name}: ${reason}`);
      stderr.write(`aiperf plot: nothing could be plotted${reasons.length ? `:\n  ${reasons.join('\n  ')}` : ' (no plots are enabled in the config)'}\n`);
      return 1;
    } catch (error) {
      if (error instanceof PlotInputError || error instanceof PlotConfigError) {
        stderr.write(`aiperf plot: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
}
