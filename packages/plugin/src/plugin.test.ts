import { describe, expect, it } from 'vitest';
import { definePlugin, pluginShapeProblems } from './plugin.js';

describe('definePlugin', () => {
  it('returns the plugin object unchanged', () => {
    const plugin = { name: 'p', recipes: [{ name: 'r' }], autoPlotDefault: true };
    expect(definePlugin(plugin)).toBe(plugin);
    expect(pluginShapeProblems(plugin)).toEqual([]);
  });
});

describe('pluginShapeProblems', () => {
  it('lists every problem at once', () => {
    expect(pluginShapeProblems({ recipes: {}, postRunHooks: [{ run() {} }], metrics: [{ name: 'm' }], autoPlotDefault: 'yes', colour: 1 })).toEqual([
      '`name` must be a non-empty string',
      '`recipes` must be an array, got object',
      '`postRunHooks[0]` needs a non-empty string `name`',
      '`metrics[0]` needs a non-empty string `tag`',
      '`autoPlotDefault` must be a boolean, got "yes"',
      'unknown key `colour`; allowed: name, version, autoPlotDefault, recipes, postRunHooks, endpointTypes, datasetLoaders, timingStrategies, metrics, plotTypes',
    ]);
  });

  it('says what it got when the export is not an object', () => {
    expect(pluginShapeProblems(undefined)).toEqual(['expected a plugin object (definePlugin({...})), got undefined']);
    expect(pluginShapeProblems(null)).toEqual(['expected a plugin object (definePlugin({...})), got null']);
  });
});
