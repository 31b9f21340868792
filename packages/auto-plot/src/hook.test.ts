import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompletedRun } from '@aiperf/hooks';
import type { PlotOptions, PlotResult } from '@aiperf/plot';
import { describe, expect, it } from 'vitest';
import { createAutoPlotHook } from './hook.js';
import { makeTempDir } from '@aiperf/test-kit';

const outcome = (artifactDir: string): CompletedRun => ({
  artifactDir,
  exitCode: 0,
  kind: 'single',
  runs: [{ artifactDir, exitCode: 0, successfulRequestCount: 3 }],
});

function recordingPlot(fail?: Error) {
  const calls: PlotOptions[] = [];
  const plot = async (options: PlotOptions): Promise<PlotResult> => {
    calls.push(options);
    if (fail) throw fail;
    return { mode: 'single_run', outputDir: options.outputDir!, logPath: '', files: [], skipped: [] };
  };
  return { calls, plot };
}

describe('createAutoPlotHook', () => {
  it('plots the artifact dir into plots/ with the light theme and no config override', async () => {
    const dir = await makeTempDir('auto-plot-');
    const { calls, plot } = recordingPlot();
    await createAutoPlotHook({ plotRequired: false, envelope: null, yamlDir: null, warn: () => {}, plot }).run(outcome(dir));
    expect(calls).toEqual([{ paths: [dir], outputDir: join(dir, 'plots'), theme: 'light' }]);
  });

  it('passes the materialised envelope as the config', async () => {
    const dir = await makeTempDir('auto-plot-');
    const { calls, plot } = recordingPlot();
    const envelope = { kind: 'inline' as const, value: { visualization: { single_run_defaults: [] } } };
    await createAutoPlotHook({ plotRequired: false, envelope, yamlDir: null, warn: () => {}, plot }).run(outcome(dir));
    expect(calls[0]?.configPath).toBe(join(dir, '.aiperf-plot-config.yaml'));
    expect(await readFile(join(dir, '.aiperf-plot-config.yaml'), 'utf8')).toBe('visualization:\n  single_run_defaults: []\n');
  });

  it('warns once naming the dir, the log and the manual command, and records the failure in the log', async () => {
    const dir = await makeTempDir('auto-plot-');
    const warnings: string[] = [];
    const { plot } = recordingPlot(new Error('no data to plot'));
    await createAutoPlotHook({ plotRequired: false, envelope: null, yamlDir: null, warn: (l) => warnings.push(l), plot }).run(outcome(dir));
    expect(warnings).toEqual([
      `WARNING aiperf.plot.auto_plot - auto-plot failed (run artifacts intact at ${dir}): no data to plot; ` +
        `see ${dir}/plots/aiperf_plot.log for details. Re-run \`aiperf plot ${dir}\` manually if needed.`,
    ]);
    expect(await readFile(join(dir, 'plots', 'aiperf_plot.log'), 'utf8')).toMatch(/ERROR auto-plot failed: Error: no data to plot/);
  });

  it('folds a multi-line error onto the one warning line', async () => {
    const dir = await makeTempDir('auto-plot-');
    const warnings: string[] = [];
    const { plot } = recordingPlot(new Error('Failed to load any valid profiling runs:\n  Failed to load run from x'));
    await createAutoPlotHook({ plotRequired: false, envelope: null, yamlDir: null, warn: (l) => warnings.push(l), plot }).run(outcome(dir));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('): Failed to load any valid profiling runs: Failed to load run from x; see ');
  });

  it('re-throws under plotRequired, keeping the cause', async () => {
    const dir = await makeTempDir('auto-plot-');
    const cause = new Error('no data to plot');
    const { plot } = recordingPlot(cause);
    const hook = createAutoPlotHook({ plotRequired: true, envelope: null, yamlDir: null, warn: () => {}, plot });
    const error = await hook.run(outcome(dir)).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`auto-plot failed (--plot-required) for ${dir}: no data to plot`);
    expect((error as Error).cause).toBe(cause);
  });

  it('treats an envelope that cannot be materialised as a plot failure', async () => {
    const dir = await makeTempDir('auto-plot-');
    await writeFile(join(dir, 'not-a-dir'), '');
    const warnings: string[] = [];
    const { calls, plot } = recordingPlot();
    const envelope = { kind: 'path' as const, path: join(dir, 'missing.yaml') };
    await createAutoPlotHook({ plotRequired: false, envelope, yamlDir: null, warn: (l) => warnings.push(l), plot }).run(outcome(dir));
    expect(calls).toHaveLength(0);
    expect(warnings[0]).toContain(`plot path not found: ${join(dir, 'missing.yaml')}`);
  });
});
