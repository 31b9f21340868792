import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlotEnvelope } from '@aiperf/config';
import type { PostRunHook } from '@aiperf/hooks';
import type { PlotOptions, PlotResult, PlotTypeRegistry } from '@aiperf/plot';
import { materializePlotEnvelope } from './envelope.js';

export const AUTO_PLOT_HOOK_NAME = 'auto-plot';

export interface AutoPlotHookOptions {
  /** Re-throw plot failures (the benchmark then exits non-zero) instead of one WARNING line. */
  plotRequired: boolean;
  /** The YAML `plot:` envelope; null uses the plot engine's usual config chain. */
  envelope: PlotEnvelope | null;
  /** Directory of the AIPerf YAML (relative envelope paths resolve against it); null without a YAML. */
  yamlDir: string | null;
  /** Where the WARNING line goes. */
  warn: (line: string) => void;
  /** Plot engine console lines (`Saved N plots to: …`); default: dropped. */
  info?: (line: string) => void;
  /** Plot types presets may name (built-ins plus plugins'); default: the built-ins. */
  plotTypes?: PlotTypeRegistry;
  /** Injected for tests; default: `plot` from `@aiperf/plot`, imported when the hook runs. */
  plot?: (options: PlotOptions) => Promise<PlotResult>;
}

/** The one WARNING line (a multi-line error message is folded onto it). */
export function autoPlotWarning(artifactDir: string, error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
  const log = join(artifactDir, 'plots', 'aiperf_plot.log');
  return (
    `WARNING aiperf.plot.auto_plot - auto-plot failed (run artifacts intact at ${artifactDir}): ${reason}; ` +
    `see ${log} for details. Re-run \`aiperf plot ${artifactDir}\` manually if needed.`
  );
}

// Best effort: the engine may have failed before (or because) it could write its own log.
async function recordFailure(artifactDir: string, error: unknown): Promise<void> {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  try {
    const plotsDir = join(artifactDir, 'plots');
    await mkdir(plotsDir, { recursive: true });
    await appendFile(join(plotsDir, 'aiperf_plot.log'), `${new Date().toISOString()} ERROR auto-plot failed: ${detail}\n`);
  } catch {
    // The plots dir itself is unusable; the warning/error line still names the cause.
  }
}

/** The post-run hook that plots `<artifactDir>` into `<artifactDir>/plots/` (PNG, light theme, in-process). */
export function createAutoPlotHook(options: AutoPlotHookOptions): PostRunHook {
  // The plot engine (canvas, chart.js) is loaded only when a run is plotted, not by every run that creates the hook.
  const plot = options.plot ?? (async (plotOptions: PlotOptions) => (await import('@aiperf/plot')).plot(plotOptions));
  return {
    name: AUTO_PLOT_HOOK_NAME,
    async run({ artifactDir }) {
      try {
        const configPath = options.envelope
          ? await materializePlotEnvelope(options.envelope, artifactDir, options.yamlDir)
          : undefined;
        await plot({
          paths: [artifactDir],
          outputDir: join(artifactDir, 'plots'),
          theme: 'light',
          ...(configPath ? { configPath } : {}),
          ...(options.info ? { log: options.info } : {}),
          ...(options.plotTypes ? { plotTypes: options.plotTypes } : {}),
        });
      } catch (error) {
        await recordFailure(artifactDir, error);
        if (options.plotRequired) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`auto-plot failed (--plot-required) for ${artifactDir}: ${reason}`, { cause: error });
        }
        options.warn(autoPlotWarning(artifactDir, error));
      }
    },
  };
}
