import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePlotConfig } from './resolve.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const configWith = (plot: string) =>
  `visualization:\n  single_run_defaults: [${plot}]\n  single_run_plots:\n    ${plot}: {type: scatter, x: request_number, y: time_to_first_token}\n`;

describe('resolvePlotConfig priority', () => {
  const root = makeTempDirSync('aiperf-config-');
  const userPath = join(root, 'home', '.aiperf', 'plot_config.yaml');
  const runA = join(root, 'runA');
  const runB = join(root, 'runB');
  mkdirSync(runA);
  mkdirSync(runB);

  it('creates the user config from the shipped default on first use, then reads it', () => {
    // A library caller gets the shipped default and no file; the CLI opts in to creating it.
    expect(resolvePlotConfig([runA], undefined, userPath)).toMatchObject({ source: 'default', path: null });
    expect(existsSync(userPath)).toBe(false);
    const first = resolvePlotConfig([runA], undefined, userPath, true);
    expect(first.source).toBe('user-created');
    expect(readFileSync(userPath, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/plot_config\.schema\.json\n[\s\S]*CONFIGURATION GUIDE/);
    expect(JSON.parse(readFileSync(join(root, 'home', '.aiperf', 'plot_config.schema.json'), 'utf8')).title).toBe('aiperf plot configuration');
    expect(resolvePlotConfig([runA], undefined, userPath).source).toBe('user');
  });

  it("a run's .aiperf-plot-config.yaml beats the user config; the first input path wins", () => {
    writeFileSync(join(runB, '.aiperf-plot-config.yaml'), configWith('from_b'));
    writeFileSync(join(runA, '.aiperf-plot-config.yaml'), configWith('from_a'));
    const resolved = resolvePlotConfig([runA, runB], undefined, userPath);
    expect(resolved).toMatchObject({ source: 'materialized', path: join(runA, '.aiperf-plot-config.yaml') });
    expect(resolved.config.visualization.single_run_defaults).toEqual(['from_a']);
  });

  it('--config beats everything; a missing file is an error naming it', () => {
    const explicit = join(root, 'explicit.yaml');
    writeFileSync(explicit, configWith('explicit'));
    expect(resolvePlotConfig([runA], explicit, userPath).config.visualization.single_run_defaults).toEqual(['explicit']);
    expect(() => resolvePlotConfig([runA], join(root, 'nope.yaml'), userPath)).toThrow(`Configuration file not found: ${join(root, 'nope.yaml')}`);
  });

  it('invalid YAML or schema errors name the file', () => {
    const broken = join(root, 'broken.yaml');
    writeFileSync(broken, 'visualization: [unclosed');
    expect(() => resolvePlotConfig([], broken, userPath)).toThrow(`Failed to load YAML config from ${broken}`);
    writeFileSync(broken, 'settings: {}\n');
    expect(() => resolvePlotConfig([], broken, userPath)).toThrow(`${broken}: Invalid YAML config: missing 'visualization' top-level key`);
  });

  it('falls back to the shipped default when the user config cannot be written', () => {
    const blocked = join(root, 'blocked');
    writeFileSync(blocked, 'a file, not a directory');
    const resolved = resolvePlotConfig([], undefined, join(blocked, 'plot_config.yaml'), true);
    expect(resolved.source).toBe('default');
    expect(resolved.warnings[0]).toContain('using the shipped default plot config');
    expect(existsSync(join(blocked, 'plot_config.yaml'))).toBe(false);
  });
});
