import { resolve } from 'node:path';
import type { PlotTypeRegistry } from '@aiperf/plot';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';
import { untilStopSignal } from '../interrupt.js';
import { flagPluginRefs } from '../plugins/refs.js';

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
      With --dashboard, nothing is written: the same plots are served as an interactive page (theme switch,
      hide/show and resize plots, log scales, hover values, run selection and the statistic plotted for
      comparisons, PNG download) at --host:--port until Ctrl+C. A preset's type may be a plot type of a plugin:
      installed aiperf plugins load as for \`aiperf profile\`, --plugin adds one by npm name or path.
    `,
    examples: [
      ['Plot one run', '$0 plot artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency8'],
      ['Compare the runs of a sweep, dark theme', '$0 plot artifacts/sweep --theme dark'],
      ['Compare two runs into a chosen directory', '$0 plot runA runB --output comparison'],
      ['Explore a sweep in the browser (interactive dashboard)', '$0 plot artifacts/sweep --dashboard --port 9000'],
      ["Draw a plugin's plot types named in a plot config", '$0 plot artifacts/sweep --plugin aiperf-plugin-hello --config my-plots.yaml'],
    ],
  });

  inputPaths = Option.Rest({ name: 'paths' });
  output = Option.String('--output', { description: 'Directory for the PNGs and the log (default: <first path>/plots)' });
  theme = Option.String('--theme', 'light', { description: 'light (default) or dark' });
  config = Option.String('--config', { description: 'Plot config YAML (beats .aiperf-plot-config.yaml and ~/.aiperf/plot_config.yaml)' });
  svg = Option.Boolean('--svg', false, { description: 'Also write <name>.svg next to each PNG' });
  verbose = Option.Boolean('--verbose', false, { description: 'Debug lines in aiperf_plot.log and every log line on the console' });
  dashboard = Option.Boolean('--dashboard', false, { description: 'Serve an interactive dashboard instead of writing PNGs (until Ctrl+C)' });
  host = Option.String('--host', '127.0.0.1', { description: 'Dashboard bind address (default 127.0.0.1)' });
  port = Option.String('--port', '8050', { description: 'Dashboard port (default 8050; 0 picks a free port)' });
  plugin = Option.Array('--plugin', [], { description: 'Also load this aiperf plugin for its plot types (npm name or path; repeatable)' });

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const theme = this.theme.toLowerCase();
    if (!THEMES.includes(theme as (typeof THEMES)[number])) {
      stderr.write(`aiperf plot: --theme: '${this.theme}' is not a valid theme; allowed: ${THEMES.join(', ')}\n`);
      return 2;
    }
    const cwd = this.context.cwd ?? process.cwd();
    const at = (path: string) => resolve(cwd, path);
    // The plugins' plot types (load failures exit 2 with one line, like `aiperf profile`).
    const { setupPlotPlugins } = await import('../plugins/setup-plot.js');
    const { plotTypes } = await setupPlotPlugins(flagPluginRefs(this.plugin, cwd), cwd);
    if (this.dashboard) return this.serveDashboard(theme as (typeof THEMES)[number], at, plotTypes);
    const { plot, PlotConfigError, PlotInputError } = await import('@aiperf/plot');
    try {
      const result = await plot({
        paths: (this.inputPaths.length > 0 ? this.inputPaths : ['./artifacts']).map(at),
        ...(this.output ? { outputDir: at(this.output) } : {}),
        ...(this.config ? { configPath: at(this.config) } : {}),
        createUserConfig: true,
        theme: theme as (typeof THEMES)[number],
        verbose: this.verbose,
        svg: this.svg,
        plotTypes,
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

  /** `--dashboard`: serve until SIGINT/SIGTERM, then close and exit 0. */
  private async serveDashboard(theme: (typeof THEMES)[number], at: (path: string) => string, plotTypes: PlotTypeRegistry): Promise<number> {
    const { stdout, stderr } = this.context;
    const usage = (message: string) => (stderr.write(`aiperf plot: ${message}\n`), 2);
    if (this.svg) return usage('--svg: applies to PNG mode only, not with --dashboard');
    if (!/^\d+$/.test(this.port) || Number(this.port) > 65535) return usage(`--port: '${this.port}' is not a port; allowed: 0 (any free port) to 65535`);
    const { startDashboard, DashboardPortError, PlotConfigError, PlotInputError } = await import('@aiperf/plot');
    let server: Awaited<ReturnType<typeof startDashboard>>;
    try {
      server = await startDashboard({
        paths: (this.inputPaths.length > 0 ? this.inputPaths : ['./artifacts']).map(at),
        host: this.host,
        port: Number(this.port),
        theme,
        ...(this.config ? { configPath: at(this.config) } : {}),
        createUserConfig: true,
        plotTypes,
        log: (line) => stdout.write(`${line}\n`),
      });
    } catch (error) {
      if (error instanceof PlotInputError || error instanceof PlotConfigError || error instanceof DashboardPortError) return usage(error.message);
      throw error;
    }
    const stopped = untilStopSignal();
    stdout.write(`Dashboard ready: ${server.url}\n`);
    stdout.write(`Mode: ${server.mode === 'multi_run' ? `multi-run (${server.runCount} runs)` : 'single-run'}, Theme: ${theme}\n`);
    stdout.write('Press Ctrl+C to stop\n');
    await stopped;
    stdout.write('Shutting down dashboard...\n');
    await server.close();
    return 0;
  }
}
