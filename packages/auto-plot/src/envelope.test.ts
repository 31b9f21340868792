import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { materializePlotEnvelope, toPlotConfigShape } from './envelope.js';
import { makeTempDir } from '@aiperf/test-kit';

const tmp = () => makeTempDir('auto-plot-envelope-');

describe('toPlotConfigShape', () => {
  it('snake_cases schema keys, keeps preset names and drops nulls', () => {
    const shaped = toPlotConfigShape({
      visualization: {
        singleRunDefaults: ['myTtft'],
        singleRunPlots: { myTtft: { type: 'scatter', x: 'request_number', y: 'time_to_first_token', xLabel: null } },
      },
    });
    expect(shaped).toEqual({
      visualization: {
        single_run_defaults: ['myTtft'],
        single_run_plots: { myTtft: { type: 'scatter', x: 'request_number', y: 'time_to_first_token' } },
      },
    });
  });
});

describe('materializePlotEnvelope', () => {
  it('dumps an inline envelope as block-style YAML', async () => {
    const dir = await tmp();
    const path = await materializePlotEnvelope(
      { kind: 'inline', value: { visualization: { single_run_defaults: ['ttft_over_time'], single_run_plots: { ttft_over_time: { type: 'scatter', y: 'time_to_first_token' } } } } },
      dir,
      null,
    );
    expect(path).toBe(join(dir, '.aiperf-plot-config.yaml'));
    expect(await readFile(path, 'utf8')).toMatchInlineSnapshot(`
      "visualization:
        single_run_defaults:
          - ttft_over_time
        single_run_plots:
          ttft_over_time:
            type: scatter
            'y': time_to_first_token
      "
    `);
  });

  it('rejects an invalid inline envelope with the plot engine\'s reasons, writing nothing', async () => {
    const dir = await tmp();
    const envelope = { kind: 'inline' as const, value: { visualization: { single_run_defaults: ['missing'] }, colour: 'red' } };
    const error = await materializePlotEnvelope(envelope, dir, null).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^invalid plot: section: plot: /);
    expect((error as Error).message).toContain('colour');
    expect(existsSync(join(dir, '.aiperf-plot-config.yaml'))).toBe(false);
  });

  it('copies a path envelope, resolving relative paths against the YAML directory', async () => {
    const yamlDir = await tmp();
    const artifactDir = join(await tmp(), 'run');
    await writeFile(join(yamlDir, 'baseline.yaml'), 'visualization:\n  single_run_defaults: []\n');
    const path = await materializePlotEnvelope({ kind: 'path', path: 'baseline.yaml' }, artifactDir, yamlDir);
    expect(await readFile(path, 'utf8')).toBe('visualization:\n  single_run_defaults: []\n');
  });

  it('names a missing file and rejects a relative path without a YAML', async () => {
    const dir = await tmp();
    await expect(materializePlotEnvelope({ kind: 'path', path: 'nope.yaml' }, dir, dir)).rejects.toThrow(
      `plot path not found: ${join(dir, 'nope.yaml')}`,
    );
    await expect(materializePlotEnvelope({ kind: 'path', path: 'nope.yaml' }, dir, null)).rejects.toThrow(
      /relative path 'nope.yaml' needs a YAML file/,
    );
  });
});
