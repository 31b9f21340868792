import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plot } from '../plot.js';
import { expectValidPngs } from '../testing/assertions.js';
import { writeSingleRun } from '../testing/fixtures.js';
import type { PlotTypeDefinition } from './plot-type.js';
import type { SpecResult } from './types.js';
import { createPlotTypeRegistry } from './registry.js';
import { PNG_SIZE } from './types.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-plot-types-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A plugin's plot type: one bar per request, its output length. */
const oslBars: PlotTypeDefinition = {
  name: 'osl_bars',
  describe: () => 'Output tokens per request as bars.',
  buildSingleRun: ({ name, preset, mode, theme, run }): SpecResult => {
    const osl = [...(run.requests?.outputSequenceLength ?? [])].filter((v) => !Number.isNaN(v));
    if (osl.length === 0) return { skip: 'no output_sequence_length in the records' };
    return {
      spec: {
        name, type: preset.type, mode, theme: theme.name, title: preset.title ?? 'OSL per request', ...PNG_SIZE, legend: 'inside',
        x: { label: 'Request', beginAtZero: true }, y: { label: 'Tokens', beginAtZero: true },
        series: [{ name: 'OSL', showInLegend: true, style: 'bars', color: '#76b900', lineWidth: 1, markerSize: 0, axis: 'y', x: osl.map((_, i) => i), y: osl }],
        footnotes: [], notes: [`${osl.length} requests`],
      },
    };
  },
};

const CONFIG = 'visualization:\n  single_run_defaults: [osl]\n  single_run_plots:\n    osl: {type: osl_bars, y: output_sequence_length}\n';

describe('plot types from a registry passed in', () => {
  const run = join(root, 'run');
  writeSingleRun(run, { requestCount: 20 });
  const configPath = join(root, 'plot.yaml');
  writeFileSync(configPath, CONFIG);

  it('renders a preset whose type a plugin registered', async () => {
    const plotTypes = createPlotTypeRegistry();
    plotTypes.register(oslBars, 'test-plugin');
    const result = await plot({ paths: [run], configPath, plotTypes, outputDir: join(root, 'out') });
    await expectValidPngs(result.files, ['osl']);
    expect(result.skipped).toEqual([]);
  });

  it('without the plugin, names the preset, the unknown type and the registered ones', async () => {
    const result = await plot({ paths: [run], configPath, outputDir: join(root, 'out2') });
    expect(result.files).toEqual([]);
    expect(result.skipped).toEqual([{
      name: 'osl',
      reason: "single_run_plots.osl.type: 'osl_bars' is not a registered plot type; known: scatter, scatter_with_percentiles, request_timeline, histogram, timeslice, percentile_bands, area, dual_axis, pareto, scatter_line, latency_throughput_uncertainty",
    }]);
  });

  it('rejects a definition without describe() when registered', () => {
    expect(() => createPlotTypeRegistry().register({ name: 'x' } as unknown as PlotTypeDefinition)).toThrow("plot type 'x': needs a describe() function");
  });
});
