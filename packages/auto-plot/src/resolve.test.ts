import { describe, expect, it } from 'vitest';
import { resolveAutoPlot } from './resolve.js';

describe('resolveAutoPlot (the tutorial table, row by row)', () => {
  it.each([
    { flag: '--auto-plot', explicit: true, recipeDefault: undefined, expected: true },
    { flag: '--auto-plot', explicit: true, recipeDefault: false, expected: true },
    { flag: '--no-auto-plot', explicit: false, recipeDefault: true, expected: false },
    { flag: '--no-auto-plot', explicit: false, recipeDefault: undefined, expected: false },
    { flag: '(nothing)', explicit: null, recipeDefault: true, expected: true },
    { flag: '(nothing)', explicit: null, recipeDefault: false, expected: false },
    { flag: '(nothing), recipe leaves it unset', explicit: null, recipeDefault: undefined, expected: false },
  ])('$flag with recipe default $recipeDefault → $expected', ({ explicit, recipeDefault, expected }) => {
    expect(resolveAutoPlot({ explicit, recipeDefault })).toBe(expected);
  });

  it('is off with no recipe and no flag', () => {
    expect(resolveAutoPlot({ explicit: null })).toBe(false);
  });

  it('turns on for a plot: envelope unless explicitly off', () => {
    expect(resolveAutoPlot({ explicit: null, hasPlotEnvelope: true })).toBe(true);
    expect(resolveAutoPlot({ explicit: false, hasPlotEnvelope: true, recipeDefault: true })).toBe(false);
  });

  it("reads the recipe's plugin default when the recipe says nothing; the recipe's own default wins", () => {
    expect(resolveAutoPlot({ explicit: null, pluginDefault: true })).toBe(true);
    expect(resolveAutoPlot({ explicit: null, recipeDefault: false, pluginDefault: true })).toBe(false);
    expect(resolveAutoPlot({ explicit: null, recipeDefault: true, pluginDefault: false })).toBe(true);
    expect(resolveAutoPlot({ explicit: false, pluginDefault: true })).toBe(false);
  });
});
