import { describe, expect, it } from 'vitest';
import { MockServerOptionsError, startMockServer, validateOptions } from './index.js';
import { applyOverrides } from './overrides.js';
import { withDefaults } from './options.js';

describe('option validation', () => {
  it('accepts the defaults and reports every bad option at once, naming it', () => {
    expect(validateOptions({})).toEqual([]);
    expect(
      validateOptions({ port: 70000, ttftMs: -1, errorRate: 1.5, errorStatus: 200, dcgmGpu: 'v100' as never, dcgmNumGpus: 9, models: [] }),
    ).toMatchInlineSnapshot(`
      [
        "ttftMs: got -1, expected a number of milliseconds >= 0",
        "errorRate: got 1.5, expected a fraction between 0 and 1",
        "errorStatus: got 200, expected an HTTP status 400-599",
        "port: got 70000, expected an integer 0-65535 (0 = any free port)",
        "dcgmGpu: got "v100", expected one of rtx6000, a100, h100, h100-sxm, h200, b200, gb200",
        "dcgmNumGpus: got 9, expected an integer 1-8",
        "models: got [], expected a non-empty list of model names",
      ]
    `);
  });

  it('refuses to start with bad options', async () => {
    await expect(startMockServer({ port: 0, itlMs: Number.NaN })).rejects.toThrow(MockServerOptionsError);
    await expect(startMockServer({ port: 0, itlMs: Number.NaN })).rejects.toThrow('itlMs: got NaN, expected a number of milliseconds >= 0');
  });

  it('applies x-mock-* headers over the server options, collecting header errors', () => {
    const options = withDefaults({ ttftMs: 20 });
    expect(applyOverrides(options, { 'x-mock-ttft-ms': '75', 'x-mock-stall-ms': '10' }).options).toMatchObject({ ttftMs: 75, stallMs: 10, itlMs: 5 });
    expect(applyOverrides(options, {}).options).toBe(options);
    expect(validateOptions({ dcgmWindowSec: 0, dcgmMinThroughput: -5 })).toEqual([
      'dcgmMinThroughput: got -5, expected a number >= 0',
      'dcgmWindowSec: got 0, expected a number > 0',
    ]);
    expect(applyOverrides(options, { 'x-mock-itl-ms': 'fast', 'x-mock-reset-after-tokens': '1.5' }).errors).toEqual([
      'header x-mock-itl-ms: got "fast", expected a number of milliseconds >= 0',
      'header x-mock-reset-after-tokens: got 1.5, expected an integer >= 0',
    ]);
  });
});
