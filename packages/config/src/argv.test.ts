import { describe, expect, test } from 'vitest';
import { expandMultiValueArgs } from './index.js';

describe('expandMultiValueArgs', () => {
  test('several values after one list flag become one occurrence each, under the canonical name', () => {
    expect(expandMultiValueArgs(['--extra-inputs', 'a:1', 'b:2', '-m', 'x', 'y', '--streaming'])).toEqual([
      '--extra-inputs=a:1', '--extra-inputs=b:2', '--model=x', '--model=y', '--streaming',
    ]);
  });

  test('--gpu-telemetry may be bare or take URLs; single-value flags are untouched', () => {
    expect(expandMultiValueArgs(['--gpu-telemetry', '--concurrency', '4'])).toEqual(['--gpu-telemetry=', '--concurrency', '4']);
    expect(expandMultiValueArgs(['--gpu-telemetry', 'h1:9400', 'h2:9400'])).toEqual(['--gpu-telemetry=h1:9400', '--gpu-telemetry=h2:9400']);
    expect(expandMultiValueArgs(['-H=X-A: 1', '--', '--extra-inputs', 'z'])).toEqual(['--header=X-A: 1', '--', '--extra-inputs', 'z']);
  });
});

describe('argument shapes clipanion cannot read', () => {
  test('a short flag with its value attached (-HName: Value)', () => {
    expect(expandMultiValueArgs(['-HX-Api-Key: S', '-m', 'x'])).toEqual(['--header=X-Api-Key: S', '--model=x']);
  });
  test('a negative number after a value flag is its value', () => {
    expect(expandMultiValueArgs(['--concurrency', '-1', '--request-rate', '-0.5'])).toEqual(['--concurrency=-1', '--request-rate=-0.5']);
  });
});
